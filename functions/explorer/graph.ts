import { type Html, html } from './html.js';

export interface CausalGraphInput {
  /** Caller → callees, from the tenant's topology and the traces' observed calls. */
  edges: ReadonlyMap<string, ReadonlySet<string>>;
  /** Services of the causal path, root cause first, alerting service last. */
  path: readonly string[];
  rootService?: string;
  alertService?: string;
  /** Other suspects, shown so the reader sees what was weighed. */
  others: readonly string[];
}

const NODE_W = 150;
const NODE_H = 34;
const COL = 200;
const ROW = 56;
const MAX_NODES = 12;

/**
 * The causal chain drawn on the topology: the services on the path, the suspects, and
 * the calls between them, callers on the left. The path's edges are drawn heavy and the
 * root cause marked, so the eye follows the failure from the alert back to its origin.
 */
export function causalGraph(input: CausalGraphInput): Html {
  const nodes = [...new Set([...input.path, input.rootService, input.alertService, ...input.others].filter((s): s is string => !!s))].slice(0, MAX_NODES);
  if (nodes.length === 0) return html`<p class="muted">No services to draw.</p>`;
  const inGraph = new Set(nodes);
  const edges: [string, string][] = [];
  for (const [caller, callees] of input.edges) for (const callee of callees) if (caller !== callee && inGraph.has(caller) && inGraph.has(callee)) edges.push([caller, callee]);
  // Layers by longest call depth from the callers nobody here calls; bounded, so a cycle cannot loop.
  const layer = new Map(nodes.map((n) => [n, 0]));
  for (let round = 0; round < nodes.length; round++) {
    let moved = false;
    for (const [caller, callee] of edges) {
      if (layer.get(callee)! < layer.get(caller)! + 1 && layer.get(caller)! + 1 < nodes.length) {
        layer.set(callee, layer.get(caller)! + 1);
        moved = true;
      }
    }
    if (!moved) break;
  }
  const columns = new Map<number, string[]>();
  for (const n of nodes) columns.set(layer.get(n)!, [...(columns.get(layer.get(n)!) ?? []), n]);
  const position = new Map<string, { x: number; y: number }>();
  for (const [col, members] of columns) members.forEach((n, row) => position.set(n, { x: 10 + col * COL, y: 10 + row * ROW }));
  const width = 20 + (Math.max(...columns.keys()) + 1) * COL - (COL - NODE_W);
  const height = 20 + Math.max(...[...columns.values()].map((m) => m.length)) * ROW - (ROW - NODE_H);
  const onPath = new Set<string>();
  for (let i = 0; i + 1 < input.path.length; i++) onPath.add(`${input.path[i]}>${input.path[i + 1]}`).add(`${input.path[i + 1]}>${input.path[i]}`);
  const chain = input.path.length ? input.path.join(' → ') : (input.rootService ?? '');
  const label = (n: string) => (n.length > 18 ? `${n.slice(0, 17)}…` : n);
  const roleOf = (n: string) => (n === input.rootService ? 'root' : input.path.includes(n) ? 'path' : n === input.alertService ? 'alerting' : 'other');
  return html`<figure class="graph">
<svg viewBox="0 0 ${width} ${height}" width="${width}" role="img" aria-labelledby="graph-t graph-d">
<title id="graph-t">Causal chain on the topology</title>
<desc id="graph-d">From the root cause to the alert: ${chain}. Also shown: ${nodes.filter((n) => !input.path.includes(n)).join(', ') || 'nothing else'}.</desc>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>
${edges.map(([caller, callee]) => {
  const a = position.get(caller)!;
  const b = position.get(callee)!;
  const forward = b.x > a.x;
  const x1 = forward ? a.x + NODE_W : a.x + NODE_W / 2;
  const y1 = forward ? a.y + NODE_H / 2 : a.y + (b.y > a.y ? NODE_H : 0);
  const x2 = forward ? b.x : b.x + NODE_W / 2;
  const y2 = forward ? b.y + NODE_H / 2 : b.y + (b.y > a.y ? 0 : NODE_H);
  return html`<line class="edge${onPath.has(`${caller}>${callee}`) ? ' on-path' : ''}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" marker-end="url(#arrow)"><title>${caller} calls ${callee}</title></line>`;
})}
${nodes.map((n) => {
  const p = position.get(n)!;
  return html`<g class="node ${roleOf(n)}"><title>${n}${n === input.rootService ? ' (root cause)' : n === input.alertService ? ' (alerting)' : ''}</title><rect x="${p.x}" y="${p.y}" width="${NODE_W}" height="${NODE_H}" rx="6"/><text x="${p.x + NODE_W / 2}" y="${p.y + NODE_H / 2 + 5}" text-anchor="middle">${label(n)}</text></g>`;
})}
</svg>
<figcaption>Arrows point from caller to callee. <span class="key root">Root cause</span> <span class="key path">On the causal path</span> <span class="key alerting">Alerting service</span> <span class="key other">Other suspect</span></figcaption>
</figure>`;
}

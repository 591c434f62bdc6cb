/*
 * Writes scenarios/blind24/*.json and README.md from the specs, then checks every file:
 * it loads as a causeway.scenario/v1 file, its signal normalizes to exactly one firing
 * signal for the intended service and start, every item names a topology service, nothing
 * is dated after the notification, reference items lie in the reference window, and every
 * mustCite class is present. Run: npx tsx scenarios/blind24/generator/generate.ts
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { resolveScenarioTime } from '../../../functions/contracts/scenario.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';
import { alertStartMs, build, internalServices, type Spec } from './core.js';
import { SPECS } from './specs/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..');

function fail(name: string, why: string): never {
  throw new Error(`${name}: ${why}`);
}

function check(spec: Spec, file: string): void {
  const s = loadScenarioFile(file);
  const atMs = Date.parse(s.at);
  const topo = new Set(Object.entries(s.topology ?? {}).flatMap(([k, vs]) => [k, ...vs]));
  const external = new Set(spec.external ?? []);
  const signals = getSourceAdapter(s.signal.source).normalize(s.signal.body, { tenantId: 'blind24', receivedAt: new Date(atMs), catalog: {} });
  if (signals.length !== 1) fail(s.name, `${signals.length} signals`);
  const sig = signals[0]!;
  if (sig.status !== 'firing') fail(s.name, 'signal not firing');
  if (sig.service !== spec.alert.service) fail(s.name, `signal service ${sig.service} != ${spec.alert.service}`);
  if (Date.parse(sig.startedAt) !== alertStartMs(spec)) fail(s.name, `signal start ${sig.startedAt} != ${new Date(alertStartMs(spec)).toISOString()}`);
  if (Date.parse(sig.startedAt) > atMs) fail(s.name, 'signal starts after at');
  if (!topo.has(s.expected!.rootCause.service)) fail(s.name, 'root cause not in topology');
  if (!topo.has(spec.alert.service)) fail(s.name, 'alert service not in topology');
  const ev = s.evidence;
  const t = (v: string) => resolveScenarioTime(v, atMs);
  const named = (cls: string, service: string, owned: boolean) => {
    if (!topo.has(service)) fail(s.name, `${cls} names ${service}, not in topology`);
    if (owned && external.has(service)) fail(s.name, `${cls} owned by external ${service}`);
  };
  for (const m of ev.metrics ?? []) {
    named('metric', m.service, true);
    for (const [p] of m.points) if (t(p) > atMs) fail(s.name, `metric point after at`);
  }
  for (const l of ev.logs ?? []) {
    named('log', l.service, true);
    if (t(l.at) > atMs) fail(s.name, 'log after at');
  }
  for (const tr of ev.traces ?? [])
    for (const sp of tr.spans) {
      named('span', sp.service, true);
      if (t(sp.at) > atMs) fail(s.name, 'span after at');
      const peer = (sp.attributes ?? {})['peer.service'];
      if (typeof peer === 'string' && !topo.has(peer)) fail(s.name, `peer ${peer} not in topology`);
    }
  for (const c of ev.changes ?? []) {
    named('change', c.service, true);
    if (t(c.at) > atMs) fail(s.name, 'change after at');
  }
  for (const r of ev.runtime ?? []) {
    named('runtime', r.service, true);
    if (t(r.at) > atMs) fail(s.name, 'runtime after at');
  }
  for (const e of ev.exceptions ?? []) {
    named('exception', e.service, true);
    if (t(e.at) > atMs) fail(s.name, 'exception after at');
  }
  for (const a of ev.alerts ?? []) {
    named('alert', a.service, false);
    if (t(a.at) > atMs) fail(s.name, 'alert after at');
  }
  if (ev.reference) {
    const from = t(ev.reference.from);
    const to = t(ev.reference.to);
    const inside = (v: string) => {
      const x = t(v);
      if (x < from || x > to) fail(s.name, `reference item at ${v} outside [${ev.reference!.from}, ${ev.reference!.to}]`);
    };
    for (const m of ev.reference.metrics ?? []) for (const [p] of m.points) inside(p);
    for (const l of ev.reference.logs ?? []) inside(l.at);
    for (const tr of ev.reference.traces ?? []) for (const sp of tr.spans) inside(sp.at);
  }
  for (const cls of s.expected!.mustCite ?? []) {
    const items = (ev as Record<string, unknown[] | undefined>)[cls];
    if (!items || items.length === 0) fail(s.name, `mustCite ${cls} has no items`);
  }
  const rootExternal = external.has(spec.root);
  if (rootExternal && spec.kind !== 'dependency_failure') fail(s.name, 'external root must be a dependency failure');
  if (!rootExternal && spec.kind === 'dependency_failure') fail(s.name, 'dependency failure root must be external');
  if (spec.root !== spec.alert.service && (s.name.includes(spec.root) || (s.description ?? '').includes(spec.root))) fail(s.name, 'name or description names the root cause');
  if (internalServices(spec).length + external.size < 5 || internalServices(spec).length + external.size > 25) fail(s.name, 'topology size outside 5-25');
}

const rows: string[] = [];
const names = new Set<string>();
for (const spec of SPECS) {
  if (names.has(spec.name)) fail(spec.name, 'duplicate name');
  names.add(spec.name);
  const file = join(outDir, `${spec.name}.json`);
  writeFileSync(file, `${JSON.stringify(build(spec), null, 2)}\n`);
  check(spec, file);
  rows.push(`| \`${spec.name}.json\` | ${spec.postmortem} | ${spec.source} | ${spec.root} / ${spec.kind} / ${spec.action} | ${spec.why} |`);
}

for (const f of readdirSync(outDir)) if (f.endsWith('.json') && !names.has(f.slice(0, -5))) rmSync(join(outDir, f));

const count = (key: (s: Spec) => string) => {
  const m = new Map<string, number>();
  for (const s of SPECS) m.set(key(s), (m.get(key(s)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join(', ');
};

const head = readFileSync(join(here, 'README.head.md'), 'utf8');
const tail = readFileSync(join(here, 'README.tail.md'), 'utf8');
const readme = `${head.trimEnd()}

## Counts

${SPECS.length} scenarios. By kind: ${count((s) => s.kind)}. By source: ${count((s) => s.source)}.

## Scenarios

| file | postmortem modelled | alert source | expected service / kind / action | what makes it hard |
|---|---|---|---|---|
${rows.join('\n')}

${tail.trimEnd()}
`;
writeFileSync(join(outDir, 'README.md'), readme);
console.log(`wrote ${SPECS.length} scenarios; kinds: ${count((s) => s.kind)}; sources: ${count((s) => s.source)}`);

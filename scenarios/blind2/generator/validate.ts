import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveScenarioTime, Scenario } from '../../../functions/contracts/scenario.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';

/*
 * Checks every file of the suite: the scenario contract (functions/contracts/scenario.ts),
 * the alert body through the real ingest normalizer of its source (it must yield a firing
 * signal naming the service the sender means, as manifest.jsonl records it), and the rules
 * of the format the contract cannot see: reference items inside [from, to], reference
 * before the incident window, mustCite classes present, the expected service present in
 * the evidence or topology, times that resolve. Exits 1 on the first problem per file.
 */

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, '..');
const manifest = readFileSync(join(here, 'manifest.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { name: string; alertService: string; source: string; kind: string });
const problems: string[] = [];
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

function within(items: Array<{ at: string }> | undefined, atMs: number, from: number, to: number, what: string, name: string): void {
  for (const item of items ?? []) {
    const t = resolveScenarioTime(item.at, atMs);
    if (t < from || t > to) problems.push(`${name}: ${what} at ${item.at} outside the reference window`);
  }
}

for (const file of files) {
  const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) {
    problems.push(`${file}: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    continue;
  }
  const s = parsed.data;
  if (`${s.name}.json` !== file) problems.push(`${file}: name ${s.name} does not match the file`);
  const entry = manifest.find((m) => m.name === s.name);
  if (!entry) {
    problems.push(`${file}: not in manifest.jsonl`);
    continue;
  }
  const atMs = Date.parse(s.at);
  const signals = getSourceAdapter(s.signal.source).normalize(s.signal.body, { tenantId: s.tenant, receivedAt: new Date(s.at), catalog: {} });
  const firing = signals.find((sig) => sig.status === 'firing');
  if (!firing) problems.push(`${file}: the signal yields no firing alert`);
  else if (firing.service !== entry.alertService) problems.push(`${file}: ingest reads service ${JSON.stringify(firing.service)} (${firing.serviceInferredFrom}), the sender means ${entry.alertService}`);
  const ev = s.evidence;
  const services = new Set<string>([...Object.keys(s.topology ?? {}), ...Object.values(s.topology ?? {}).flat()]);
  for (const m of ev.metrics ?? []) services.add(m.service);
  for (const l of ev.logs ?? []) services.add(l.service);
  for (const t of ev.traces ?? []) for (const span of t.spans) {
    services.add(span.service);
    const peer = span.attributes?.['peer.service'];
    if (typeof peer === 'string') services.add(peer);
  }
  for (const c of [...(ev.changes ?? []), ...(ev.runtime ?? []), ...(ev.exceptions ?? []), ...(ev.alerts ?? [])]) services.add(c.service);
  const expected = s.expected!;
  if (!services.has(expected.rootCause.service)) problems.push(`${file}: expected service ${expected.rootCause.service} appears nowhere in the evidence`);
  for (const cls of expected.mustCite ?? []) {
    const items = ev[cls as keyof typeof ev];
    if (!Array.isArray(items) || items.length === 0) problems.push(`${file}: mustCite ${cls} but the scenario has none`);
  }
  if (ev.reference) {
    const from = resolveScenarioTime(ev.reference.from, atMs);
    const to = resolveScenarioTime(ev.reference.to, atMs);
    if (from >= to) problems.push(`${file}: reference from is not before to`);
    for (const m of ev.reference.metrics ?? []) for (const [t] of m.points) {
      const ms = resolveScenarioTime(t, atMs);
      if (ms < from || ms > to) problems.push(`${file}: reference point ${t} of ${m.name} outside [from, to]`);
    }
    within(ev.reference.logs, atMs, from, to, 'reference log', file);
    for (const t of ev.reference.traces ?? []) within(t.spans, atMs, from, to, 'reference span', file);
    const firstIncident = Math.min(...(ev.metrics ?? []).flatMap((m) => m.points.map(([t]) => resolveScenarioTime(t, atMs))));
    if (to > firstIncident) problems.push(`${file}: reference window overlaps the incident window`);
  }
  for (const m of ev.metrics ?? []) for (const [t, v] of m.points) {
    if (!Number.isFinite(v)) problems.push(`${file}: ${m.name} has a non-finite value at ${t}`);
  }
}

const bySource = new Map<string, number>();
const byKind = new Map<string, number>();
for (const m of manifest) {
  bySource.set(m.source, (bySource.get(m.source) ?? 0) + 1);
  byKind.set(m.kind, (byKind.get(m.kind) ?? 0) + 1);
}
if (manifest.length !== files.length) problems.push(`manifest lists ${manifest.length} scenarios, the folder holds ${files.length}`);
for (const source of ['alertmanager', 'pagerduty', 'cloudwatch', 'cloudwatch-sns', 'grafana', 'datadog', 'opsgenie']) if (!bySource.get(source)) problems.push(`no scenario from ${source}`);
for (const kind of ['deployment', 'config_change', 'feature_flag', 'resource_exhaustion', 'dependency_failure', 'infrastructure', 'traffic_surge', 'code_defect']) if ((byKind.get(kind) ?? 0) < 3) problems.push(`fewer than 3 scenarios of kind ${kind}`);

console.log(`${files.length} files; by source ${JSON.stringify(Object.fromEntries(bySource))}; by kind ${JSON.stringify(Object.fromEntries(byKind))}`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('all valid');

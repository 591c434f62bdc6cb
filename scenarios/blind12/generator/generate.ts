/*
 * Writes every blind12 scenario and the README's table from the specs, then loads each
 * file back with the repo's loader and checks it the way WRITER.md asks.
 * Run: npx tsx scenarios/blind12/generator/generate.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveScenarioTime } from '../../../functions/contracts/scenario.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';
import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { build } from './build.js';
import type { Spec } from './lib.js';
import { readme } from './readme.js';
import { SPECS } from './specs/index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..');

function check(spec: Spec, file: string): string[] {
  const problems: string[] = [];
  const s = loadScenarioFile(file);
  loadScenarioFile(file, { logs: 'drop' });
  const atMs = Date.parse(s.at);
  const t = (v: string) => resolveScenarioTime(v, atMs);
  const signals = getSourceAdapter(s.signal.source).normalize(s.signal.body, { tenantId: 'demo', receivedAt: new Date(atMs), catalog: {} });
  const firing = signals.filter((x) => x.status === 'firing');
  if (signals.length !== 1 || firing.length !== 1) problems.push(`${signals.length} signals, ${firing.length} firing`);
  const sig = firing[0];
  if (sig && sig.service !== spec.alert.svc) problems.push(`alert normalizes to service ${sig.service}, not ${spec.alert.svc}`);
  if (sig && Date.parse(sig.startedAt) !== atMs + spec.alert.start * 1000) problems.push(`alert starts ${sig.startedAt}, not ${new Date(atMs + spec.alert.start * 1000).toISOString()}`);
  const topo = new Set([...Object.keys(s.topology ?? {}), ...Object.values(s.topology ?? {}).flat()]);
  const external = new Set(spec.external ?? []);
  const ev = s.evidence;
  const named: Array<[string, string]> = [];
  for (const x of ev.metrics ?? []) named.push([x.service, 'metric']);
  for (const x of ev.logs ?? []) named.push([x.service, 'log']);
  for (const tr of ev.traces ?? []) for (const sp of tr.spans) named.push([sp.service, 'span']);
  for (const x of ev.changes ?? []) named.push([x.service, 'change']);
  for (const x of ev.runtime ?? []) named.push([x.service, 'runtime']);
  for (const x of ev.exceptions ?? []) named.push([x.service, 'exception']);
  for (const [svc, what] of named) {
    if (!topo.has(svc)) problems.push(`${what} names ${svc}, not in the topology`);
    if (external.has(svc)) problems.push(`${what} owned by external ${svc}`);
  }
  for (const x of ev.alerts ?? []) if (!topo.has(x.service)) problems.push(`alert item names ${x.service}, not in the topology`);
  if (!topo.has(spec.expected.svc)) problems.push(`root cause ${spec.expected.svc} not in the topology`);
  if (topo.size < 5 || topo.size > 25) problems.push(`topology has ${topo.size} services, not 5 to 25`);
  const times: string[] = [
    ...(ev.metrics ?? []).flatMap((x) => x.points.map((p) => p[0])),
    ...(ev.logs ?? []).map((x) => x.at),
    ...(ev.traces ?? []).flatMap((x) => x.spans.map((sp) => sp.at)),
    ...(ev.changes ?? []).map((x) => x.at),
    ...(ev.runtime ?? []).map((x) => x.at),
    ...(ev.exceptions ?? []).map((x) => x.at),
    ...(ev.alerts ?? []).map((x) => x.at),
  ];
  const late = times.filter((x) => t(x) > atMs);
  if (late.length) problems.push(`${late.length} items dated after the notification`);
  const ref = ev.reference;
  if (ref) {
    const lo = t(ref.from);
    const hi = t(ref.to);
    const refTimes = [...(ref.metrics ?? []).flatMap((x) => x.points.map((p) => p[0])), ...(ref.logs ?? []).map((x) => x.at), ...(ref.traces ?? []).flatMap((x) => x.spans.map((sp) => sp.at))];
    const outside = refTimes.filter((x) => t(x) < lo || t(x) > hi);
    if (outside.length) problems.push(`${outside.length} reference items outside [${ref.from}, ${ref.to}]`);
    for (const x of [...(ref.metrics ?? []), ...(ref.logs ?? [])]) if (!topo.has(x.service) || external.has(x.service)) problems.push(`reference item names ${x.service}`);
  }
  const present: Record<string, number> = {
    metrics: ev.metrics?.length ?? 0,
    logs: ev.logs?.length ?? 0,
    traces: ev.traces?.length ?? 0,
    changes: ev.changes?.length ?? 0,
    runtime: ev.runtime?.length ?? 0,
    exceptions: ev.exceptions?.length ?? 0,
    alerts: ev.alerts?.length ?? 0,
  };
  for (const c of spec.expected.mustCite) if (!present[c]) problems.push(`mustCite ${c} has no evidence`);
  if (spec.expected.svc !== spec.alert.svc) {
    const root = spec.expected.svc.toLowerCase();
    if (spec.name.includes(root)) problems.push('file name names the root-cause service');
    if ((s.description ?? '').toLowerCase().includes(root)) problems.push('description names the root-cause service');
  }
  return problems;
}

/** Keeps each metric point `[time, value]` on one line, so files stay readable and small. */
const compact = (json: string) => json.replace(/\[\n\s+("[^"\n]*"),\n\s+(-?[0-9.e+-]+)\n\s+\]/g, '[$1, $2]');

let failed = 0;
const names = new Set<string>();
for (const spec of SPECS) {
  if (names.has(spec.name)) throw new Error(`duplicate scenario name ${spec.name}`);
  names.add(spec.name);
  const file = join(dir, `${spec.name}.json`);
  writeFileSync(file, `${compact(JSON.stringify(build(spec), null, 1))}\n`);
  const problems = check(spec, file);
  if (problems.length) {
    failed++;
    console.error(`${spec.name}:\n  ${problems.join('\n  ')}`);
  }
}
writeFileSync(join(dir, 'README.md'), readme(SPECS));
console.log(`${SPECS.length} scenarios written, ${failed} with problems`);
if (failed) process.exit(1);

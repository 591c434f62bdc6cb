/*
 * Writes every blind19 scenario from its spec, then loads each file back with the repo's loader,
 * normalizes its alert with the sender's adapter and checks the suite's rules (WRITER.md).
 * Run: npx tsx scenarios/blind19/generator/generate.ts
 */
import { readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { resolveScenarioTime } from '../../../functions/contracts/scenario.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';
import { iso, logLines, Rng, series, signal, traceList, type Spec } from './lib.js';
import { readme } from './readme.js';
import { rate, lat } from './plan.js';
import { SPECS } from './all.js';

const WEEK = -168 * 3600;
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The spec with its bystander services wired into the topology and given steady series. */
function withBystanders(spec: Spec): Spec {
  const rng = new Rng(`${spec.name}/bystanders`);
  const topology: Record<string, string[]> = { ...spec.topology };
  const series = [...spec.series];
  for (const [caller, service] of spec.bystanders ?? []) {
    topology[caller] = [...(topology[caller] ?? []), service];
    series.push(rate(service, rng.int(5, 400), undefined, spec.step === 300), lat(service, rng.int(8, 250), undefined, spec.step === 300));
  }
  return { ...spec, topology, series };
}

function build(spec: Spec): Record<string, unknown> {
  const rng = new Rng(spec.name);
  const atMs = Date.parse(spec.at);
  const step = spec.step ?? 60;
  const w = spec.window;
  const sig = signal(rng, spec, atMs);
  const evidence: Record<string, unknown> = {};
  if (spec.reference !== false) {
    evidence.reference = {
      from: `-${168 + Math.floor(w / 60)}h${w % 60 ? `${w % 60}m` : ''}`,
      to: '-168h',
      metrics: spec.series.map((s) => series(rng, s, atMs, w, step, WEEK, false)),
      logs: (spec.logs ?? []).filter((l) => l.always).flatMap((l) => logLines(rng, { ...l, from: undefined, to: undefined }, w, WEEK)),
      traces: (spec.traces ?? []).filter((t) => t.always).flatMap((t) => traceList(rng, { ...t, from: undefined, to: undefined }, w, WEEK)),
    };
  }
  evidence.metrics = spec.series.map((s) => series(rng, s, atMs, w, step, 0, true));
  const lines = (spec.logs ?? []).map((l) => logLines(rng, l, w, 0));
  const traces = (spec.traces ?? []).map((t) => traceList(rng, t, w, 0));
  lines.forEach((l, i) => {
    if (!l.length) throw new Error(`${spec.name}: log spec ${i} (${spec.logs![i]!.msg.slice(0, 40)}) yields no line`);
  });
  traces.forEach((t, i) => {
    if (!t.length) throw new Error(`${spec.name}: trace spec ${i} yields no trace`);
  });
  evidence.logs = lines.flat().sort((a, b) => resolveScenarioTime(a.at as string, 0) - resolveScenarioTime(b.at as string, 0));
  evidence.traces = traces.flat();
  const at = (m: number) => {
    const s = Math.round(m * 60);
    return s === 0 ? '+0s' : `${s < 0 ? '-' : '+'}${Math.floor(Math.abs(s) / 3600) ? `${Math.floor(Math.abs(s) / 3600)}h` : ''}${Math.floor((Math.abs(s) % 3600) / 60) ? `${Math.floor((Math.abs(s) % 3600) / 60)}m` : ''}${Math.abs(s) % 60 ? `${Math.abs(s) % 60}s` : ''}`;
  };
  const timed = <T extends { at: number }>(items: T[] | undefined) => (items ?? []).map((i) => ({ ...i, at: at(i.at) }));
  evidence.changes = timed(spec.changes);
  evidence.runtime = timed(spec.runtime);
  evidence.exceptions = timed(spec.exceptions);
  evidence.alerts = timed(spec.alerts);
  return {
    format: 'causeway.scenario/v1',
    name: spec.name,
    description: spec.description,
    at: spec.at,
    tenant: 'blind19',
    signal: sig,
    topology: spec.topology,
    evidence,
    expected: { rootCause: { service: spec.expected.service, kind: spec.expected.kind }, action: spec.expected.action, mustCite: spec.expected.mustCite },
  };
}

function check(spec: Spec, file: string): string[] {
  const problems: string[] = [];
  const scenario = loadScenarioFile(file);
  const atMs = Date.parse(scenario.at);
  const signals = getSourceAdapter(scenario.signal.source).normalize(scenario.signal.body, { tenantId: 'blind19', receivedAt: new Date(atMs), catalog: {} });
  if (signals.length !== 1 || signals[0]!.status !== 'firing') problems.push(`alert normalizes to ${signals.length} signal(s), not one firing`);
  const s = signals[0];
  if (s && s.service !== spec.alert.service) problems.push(`alert service ${s.service} ≠ ${spec.alert.service}`);
  const wantStart = iso(atMs, spec.alert.startedMin * 60);
  if (s && Date.parse(s.startedAt) !== Date.parse(wantStart)) problems.push(`alert start ${s.startedAt} ≠ ${wantStart}`);
  const nodes = new Set<string>(Object.entries(scenario.topology ?? {}).flatMap(([k, v]) => [k, ...v]));
  const external = new Set(spec.external ?? []);
  const ev = scenario.evidence;
  const t = (v: string) => resolveScenarioTime(v, atMs);
  const owned: Array<[string, string, string]> = [];
  for (const m of ev.metrics ?? []) for (const [p] of m.points) owned.push(['metrics', m.service, p]);
  for (const l of ev.logs ?? []) owned.push(['logs', l.service, l.at]);
  for (const x of ev.exceptions ?? []) owned.push(['exceptions', x.service, x.at]);
  for (const x of ev.runtime ?? []) owned.push(['runtime', x.service, x.at]);
  const others: Array<[string, string, string]> = [];
  for (const tr of ev.traces ?? []) for (const sp of tr.spans) others.push(['traces', sp.service, sp.at]);
  for (const c of ev.changes ?? []) others.push(['changes', c.service, c.at]);
  for (const a of ev.alerts ?? []) others.push(['alerts', a.service, a.at]);
  for (const [cls, svc, when] of [...owned, ...others]) {
    if (!nodes.has(svc)) problems.push(`${cls} item names ${svc}, not in the topology`);
    if (t(when) > atMs) problems.push(`${cls} item of ${svc} at ${when} is after the notification`);
  }
  for (const [cls, svc] of owned) if (external.has(svc)) problems.push(`${cls} owned by external ${svc}`);
  for (const tr of ev.traces ?? []) for (const sp of tr.spans) if (external.has(sp.service)) problems.push(`span owned by external ${sp.service}`);
  for (const c of ev.changes ?? []) if (external.has(c.service)) problems.push(`change owned by external ${c.service}`);
  if (!nodes.has(scenario.expected!.rootCause.service)) problems.push('root cause not in topology');
  if (nodes.size < 5 || nodes.size > 25) problems.push(`topology has ${nodes.size} services, not 5 to 25`);
  const ref = ev.reference;
  if (ref) {
    const lo = t(ref.from);
    const hi = t(ref.to);
    const items = [
      ...(ref.metrics ?? []).flatMap((m) => m.points.map((p) => p[0])),
      ...(ref.logs ?? []).map((l) => l.at),
      ...(ref.traces ?? []).flatMap((tr) => tr.spans.map((sp) => sp.at)),
    ];
    for (const when of items) if (t(when) < lo || t(when) > hi) problems.push(`reference item at ${when} outside [${ref.from}, ${ref.to}]`);
    for (const m of ref.metrics ?? []) if (external.has(m.service)) problems.push(`reference metric owned by external ${m.service}`);
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
  for (const cls of scenario.expected!.mustCite ?? []) if (!present[cls]) problems.push(`mustCite ${cls} has no evidence`);
  const root = scenario.expected!.rootCause.service;
  if (root !== spec.alert.service) {
    const word = new RegExp(`(^|[^a-z0-9])${root.replace(/[-]/g, '\\-')}([^a-z0-9]|$)`, 'i');
    if (word.test(scenario.name) || word.test(scenario.description ?? '')) problems.push(`name or description names the root cause ${root}`);
  }
  return problems;
}

/** Indented JSON with each [time, value] point on one line, as a reader wants it. */
function compact(text: string): string {
  return text.replace(/\[\n\s*("[^"\n]*"),\n\s*(-?[0-9.e+-]+)\n\s*\]/g, '[$1, $2]');
}

const names = new Set<string>();
let failed = 0;
for (const spec of SPECS.map(withBystanders)) {
  if (names.has(spec.name)) throw new Error(`duplicate scenario ${spec.name}`);
  names.add(spec.name);
  const file = join(OUT, `${spec.name}.json`);
  writeFileSync(file, `${compact(JSON.stringify(build(spec), null, 1))}\n`);
  const problems = check(spec, file);
  if (problems.length) {
    failed++;
    console.error(`${spec.name}:\n  ${[...new Set(problems)].slice(0, 8).join('\n  ')}`);
  }
}
for (const f of readdirSync(OUT)) if (f.endsWith('.json') && !names.has(f.slice(0, -5))) unlinkSync(join(OUT, f));
writeFileSync(join(OUT, 'README.md'), readme(SPECS.map(withBystanders)));
console.log(`${SPECS.length} scenarios written, ${failed} with problems`);
if (failed) process.exit(1);

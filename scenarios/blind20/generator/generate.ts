/*
 * Writes every blind20 scenario and the README's table from the specs, then checks each file
 * as the repo loads it. Run: npx tsx scenarios/blind20/generator/generate.ts
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { resolveScenarioTime } from '../../../functions/contracts/scenario.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';
import { alertStartMs, build, internalServices, sec, type Spec } from './core.js';
import { SPECS } from './specs/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const suite = join(here, '..');

const ACTIONS: Record<Spec['kind'], string[]> = {
  deployment: ['rollback'],
  config_change: ['revert_config'],
  feature_flag: ['disable_flag'],
  traffic_surge: ['scale_out', 'none'],
  resource_exhaustion: ['restart', 'scale_out'],
  dependency_failure: ['none'],
  infrastructure: ['none'],
  code_defect: ['none', 'restart'],
};

function fail(spec: Spec, why: string): never {
  throw new Error(`${spec.name}: ${why}`);
}

function check(spec: Spec, file: string): void {
  const scenario = loadScenarioFile(file);
  const atMs = Date.parse(scenario.at);
  const adapter = getSourceAdapter(scenario.signal.source);
  const signals = adapter.normalize(scenario.signal.body, { tenantId: scenario.tenant, receivedAt: new Date(atMs), catalog: {} });
  const firing = signals.filter((s) => s.status === 'firing');
  if (signals.length !== 1 || firing.length !== 1) fail(spec, `expected one firing signal, got ${signals.length}`);
  const signal = firing[0]!;
  if (signal.service !== spec.alert.service) fail(spec, `alert normalizes to service ${signal.service}, wanted ${spec.alert.service}`);
  if (Date.parse(signal.startedAt) !== alertStartMs(spec)) fail(spec, `alert starts ${signal.startedAt}, wanted ${new Date(alertStartMs(spec)).toISOString()}`);
  if (alertStartMs(spec) > atMs) fail(spec, 'alert starts after the notification');

  const topo = new Set<string>();
  for (const [k, vs] of Object.entries(scenario.topology ?? {})) [k, ...vs].forEach((s) => topo.add(s));
  const external = new Set(spec.external ?? []);
  const internal = new Set(internalServices(spec));
  const n = topo.size;
  if (n < 5 || n > 25) fail(spec, `topology has ${n} services`);
  if (!topo.has(spec.root)) fail(spec, `root cause ${spec.root} is not in the topology`);
  if (!topo.has(spec.alert.service)) fail(spec, `alert service ${spec.alert.service} is not in the topology`);
  if (!ACTIONS[spec.kind].includes(spec.action)) fail(spec, `action ${spec.action} does not follow kind ${spec.kind}`);
  if (spec.kind === 'dependency_failure' && !external.has(spec.root)) fail(spec, 'a dependency failure must name an external service');
  if (spec.kind !== 'dependency_failure' && external.has(spec.root)) fail(spec, 'only a dependency failure may blame an external service');

  const ev = scenario.evidence;
  const owned = (what: string, service: string) => {
    if (!topo.has(service)) fail(spec, `${what} names ${service}, not a topology service`);
    if (!internal.has(service)) fail(spec, `${what} is owned by external ${service}`);
  };
  const notAfter = (what: string, time: string) => {
    if (resolveScenarioTime(time, atMs) > atMs) fail(spec, `${what} at ${time} is after the notification`);
  };
  for (const m of ev.metrics ?? []) {
    owned(`metric ${m.name}`, m.service);
    m.points.forEach(([t]) => notAfter(`metric ${m.name}`, t));
    if (resolveScenarioTime(m.points[0]![0], atMs) > alertStartMs(spec) - 20 * 60_000) fail(spec, `metric ${m.name} starts too late for the alert's start`);
  }
  for (const l of ev.logs ?? []) {
    owned('log', l.service);
    notAfter('log', l.at);
  }
  for (const t of ev.traces ?? []) for (const s of t.spans) {
    owned(`span ${s.name}`, s.service);
    notAfter('span', s.at);
  }
  for (const c of ev.changes ?? []) {
    owned('change', c.service);
    notAfter('change', c.at);
  }
  for (const r of ev.runtime ?? []) {
    owned('runtime event', r.service);
    notAfter('runtime event', r.at);
  }
  for (const e of ev.exceptions ?? []) {
    owned('exception', e.service);
    notAfter('exception', e.at);
  }
  for (const a of ev.alerts ?? []) {
    if (!topo.has(a.service)) fail(spec, `alert ${a.name} names ${a.service}, not a topology service`);
    notAfter('alert', a.at);
  }
  const ref = ev.reference;
  if (ref) {
    const from = resolveScenarioTime(ref.from, atMs);
    const to = resolveScenarioTime(ref.to, atMs);
    const inside = (what: string, time: string) => {
      const t = resolveScenarioTime(time, atMs);
      if (t < from || t > to) fail(spec, `reference ${what} at ${time} is outside the reference window`);
    };
    for (const m of ref.metrics ?? []) {
      owned(`reference metric ${m.name}`, m.service);
      m.points.forEach(([t]) => inside(`metric ${m.name}`, t));
    }
    for (const l of ref.logs ?? []) {
      owned('reference log', l.service);
      inside('log', l.at);
    }
    for (const t of ref.traces ?? []) for (const s of t.spans) {
      owned('reference span', s.service);
      inside('span', s.at);
    }
  }
  for (const cls of spec.mustCite) {
    const items = (ev as Record<string, unknown[] | undefined>)[cls];
    if (!items?.length) fail(spec, `mustCite ${cls} has no evidence`);
  }
  if (spec.root !== spec.alert.service) {
    const rootName = spec.root.toLowerCase();
    if (spec.name.toLowerCase().includes(rootName) || spec.description.toLowerCase().includes(rootName)) fail(spec, 'the name or description names the root cause');
  }
  if (sec(spec.window ?? '-90m') > sec(spec.alert.since)) fail(spec, 'the window does not reach back before the alert start');
}

function readmeTable(specs: Spec[]): string {
  const rows = specs.map((s) => `| \`${s.name}\` | ${s.postmortem} | ${s.source} | ${s.root} / ${s.kind} | ${s.action} | ${s.mustCite.join(', ')} | ${s.refHours ? `${s.refHours} h earlier` : 'none'} | ${s.why} |`);
  return ['| scenario | modelled on | source | expected root cause | action | mustCite | reference | what tells an SRE |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}

function tally(specs: Spec[], key: 'kind' | 'source'): string {
  const counts = new Map<string, number>();
  for (const s of specs) counts.set(s[key], (counts.get(s[key]) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => `${k} ${v}`).join(', ');
}

const names = new Set<string>();
mkdirSync(suite, { recursive: true });
for (const f of readdirSync(suite)) if (f.endsWith('.json')) rmSync(join(suite, f));
for (const spec of SPECS) {
  if (names.has(spec.name)) throw new Error(`duplicate scenario ${spec.name}`);
  names.add(spec.name);
  const file = join(suite, `${spec.name}.json`);
  writeFileSync(file, `${JSON.stringify(build(spec), null, 1)}\n`);
  check(spec, file);
}

const readmeFile = join(suite, 'README.md');
const head = readFileSync(join(here, 'README.head.md'), 'utf8');
const table = `## Scenarios (${SPECS.length})\n\nKinds: ${tally(SPECS, 'kind')}.\n\nSources: ${tally(SPECS, 'source')}.\n\n${readmeTable(SPECS)}\n`;
writeFileSync(readmeFile, `${head.trimEnd()}\n\n${table}`);
console.log(`wrote ${SPECS.length} scenarios; kinds: ${tally(SPECS, 'kind')}; sources: ${tally(SPECS, 'source')}`);

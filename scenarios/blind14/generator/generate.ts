/*
 * Writes every blind14 scenario from its spec and checks each file as written:
 * npx tsx scenarios/blind14/generator/generate.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { resolveScenarioTime } from '../../../functions/contracts/scenario.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';
import { alertBody, alertStart } from './alerts.js';
import { build, type Spec } from './lib.js';
import { SPECS } from './specs/index.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..');

function fail(spec: Spec, why: string): never {
  throw new Error(`${spec.name}: ${why}`);
}

function wordIn(text: string, word: string): boolean {
  return new RegExp(`(^|[^a-z0-9])${word.replace(/[-]/g, '\\-')}([^a-z0-9]|$)`, 'i').test(text);
}

function check(spec: Spec, file: string): void {
  const scenario = loadScenarioFile(file);
  const atMs = Date.parse(scenario.at);
  const t = (v: string) => resolveScenarioTime(v, atMs);
  const signals = getSourceAdapter(scenario.signal.source).normalize(scenario.signal.body, { tenantId: scenario.tenant, receivedAt: new Date(atMs), catalog: {} });
  if (signals.length !== 1) fail(spec, `${signals.length} signals`);
  const signal = signals[0]!;
  if (signal.status !== 'firing') fail(spec, 'signal not firing');
  if (signal.service !== spec.alert.svc) fail(spec, `signal service ${signal.service} (${signal.serviceInferredFrom}) is not ${spec.alert.svc}`);
  if (Date.parse(signal.startedAt) !== Date.parse(alertStart(spec))) fail(spec, `signal start ${signal.startedAt} is not ${alertStart(spec)}`);
  const topo = new Set(Object.entries(scenario.topology ?? {}).flatMap(([k, v]) => [k, ...v]));
  if (topo.size < 5 || topo.size > 25) fail(spec, `topology has ${topo.size} services`);
  const external = new Set(spec.external ?? []);
  if (!topo.has(spec.root.svc)) fail(spec, `root ${spec.root.svc} not in topology`);
  const ev = scenario.evidence;
  const owned: Array<{ service: string; at: string }> = [
    ...(ev.metrics ?? []).flatMap((m) => m.points.map(([at]) => ({ service: m.service, at }))),
    ...(ev.logs ?? []),
    ...(ev.traces ?? []).flatMap((x) => x.spans),
    ...(ev.changes ?? []),
    ...(ev.runtime ?? []),
    ...(ev.exceptions ?? []),
  ];
  for (const item of [...owned, ...(ev.alerts ?? [])]) {
    if (!topo.has(item.service)) fail(spec, `evidence names ${item.service}, not in topology`);
    if (t(item.at) > atMs) fail(spec, `evidence dated after the notification: ${item.service} ${item.at}`);
  }
  for (const item of owned) if (external.has(item.service)) fail(spec, `third party ${item.service} owns evidence`);
  if (ev.reference) {
    const from = t(ev.reference.from);
    const to = t(ev.reference.to);
    const refItems = [
      ...(ev.reference.metrics ?? []).flatMap((m) => m.points.map(([at]) => ({ service: m.service, at }))),
      ...(ev.reference.logs ?? []),
      ...(ev.reference.traces ?? []).flatMap((x) => x.spans),
    ];
    for (const item of refItems) {
      const ms = t(item.at);
      if (ms < from || ms > to) fail(spec, `reference item outside its window: ${item.service} ${item.at}`);
      if (!topo.has(item.service) || external.has(item.service)) fail(spec, `reference names ${item.service}`);
    }
  }
  for (const cls of spec.mustCite) if (!(ev[cls] as unknown[] | undefined)?.length) fail(spec, `mustCite ${cls} absent`);
  if (spec.root.svc !== spec.alert.svc && (wordIn(spec.name, spec.root.svc) || wordIn(spec.description, spec.root.svc))) fail(spec, 'name or description names the root cause');
}

function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join(', ');
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The suite README: the hand-written head, the tallies and one row per scenario. */
function readme(specs: Spec[]): string {
  const head = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'readme-head.md'), 'utf8');
  const rows = specs.map(
    (s) => `| \`${s.name}\` | ${cell(s.postmortem)} | ${s.source} | ${s.alert.svc} | ${s.root.svc} / ${s.root.kind} | ${s.action} | ${s.mustCite.join(', ')} | ${s.reference === false ? 'no' : 'yes'} | ${cell(s.tell)} |`,
  );
  return [
    head.trimEnd(),
    '',
    '## Tallies',
    '',
    `${specs.length} scenarios. Kinds: ${tally(specs.map((s) => s.root.kind))}. Sources: ${tally(specs.map((s) => s.source))}. Root cause outside the alerting service: ${specs.filter((s) => s.root.svc !== s.alert.svc).length}. With a reference: ${specs.filter((s) => s.reference !== false).length}.`,
    '',
    '## Scenarios',
    '',
    '| file | modelled on | source | alert on | expected root cause / kind | action | mustCite | reference | what tells an SRE |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

const names = new Set<string>();
for (const spec of SPECS) {
  if (names.has(spec.name)) fail(spec, 'duplicate name');
  names.add(spec.name);
  const doc = build(spec, alertBody(spec));
  const file = join(OUT, `${spec.name}.json`);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(file, `${JSON.stringify(doc, null, 1)}\n`);
  check(spec, file);
}
writeFileSync(join(OUT, 'README.md'), readme(SPECS));
console.log(`wrote and checked ${SPECS.length} scenarios`);

/*
 * Writes scenarios/blind22/*.json and README.md from the specs, then checks every file:
 * it loads as a scenario, its signal normalizes to exactly one firing signal for the
 * intended service and start, every item names a topology service (third parties own
 * nothing but status alerts), nothing is dated after the notification, reference items
 * lie inside the reference window, and each mustCite class is present.
 *
 *   npx tsx scenarios/blind22/generator/generate.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { resolveScenarioTime } from '../../../functions/contracts/scenario.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';
import { alertStartMs, build, type Spec } from './core.js';
import { specs } from './specs/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..');
const problems: string[] = [];
const fail = (name: string, msg: string) => problems.push(`${name}: ${msg}`);

function check(spec: Spec, file: string): void {
  const s = loadScenarioFile(file);
  const atMs = Date.parse(s.at);
  const t = (v: string) => resolveScenarioTime(v, atMs);

  const signals = getSourceAdapter(s.signal.source).normalize(s.signal.body, { tenantId: s.tenant, receivedAt: new Date(atMs), catalog: {} });
  if (signals.length !== 1) fail(spec.name, `${signals.length} signals`);
  const sig = signals[0];
  if (sig) {
    if (sig.status !== 'firing') fail(spec.name, `signal ${sig.status}`);
    if (sig.service !== spec.alert.service) fail(spec.name, `signal service ${sig.service} ≠ ${spec.alert.service}`);
    const want = new Date(alertStartMs(spec)).toISOString();
    if (sig.startedAt !== want) fail(spec.name, `signal start ${sig.startedAt} ≠ ${want}`);
    if (Date.parse(sig.startedAt) > atMs) fail(spec.name, 'signal starts after at');
  }

  const topo = new Set(Object.entries(s.topology ?? {}).flatMap(([k, vs]) => [k, ...vs]));
  const external = new Set(spec.external ?? []);
  if (!topo.has(spec.root)) fail(spec.name, `root ${spec.root} not in topology`);
  if (!topo.has(spec.alert.service)) fail(spec.name, `alert service not in topology`);
  if (topo.size < 5 || topo.size > 25) fail(spec.name, `topology has ${topo.size} services`);
  if (spec.root !== spec.alert.service) {
    if (spec.name.includes(spec.root)) fail(spec.name, 'file name names the root-cause service');
    if (spec.description.includes(spec.root)) fail(spec.name, 'description names the root-cause service');
  }

  const ev = s.evidence;
  const owned = (service: string, where: string, allowExternal = false) => {
    if (!topo.has(service)) fail(spec.name, `${where}: ${service} not in topology`);
    if (!allowExternal && external.has(service)) fail(spec.name, `${where}: third party ${service} owns an item`);
  };
  const notAfter = (v: string, where: string) => {
    if (t(v) > atMs) fail(spec.name, `${where} dated after the notification (${v})`);
  };
  for (const m of ev.metrics ?? []) {
    owned(m.service, `metric ${m.name}`);
    for (const [p] of m.points) notAfter(p, `metric ${m.name}`);
  }
  for (const l of ev.logs ?? []) (owned(l.service, 'log'), notAfter(l.at, 'log'));
  for (const tr of ev.traces ?? []) for (const sp of tr.spans) (owned(sp.service, 'span'), notAfter(sp.at, 'span'));
  for (const c of ev.changes ?? []) (owned(c.service, 'change'), notAfter(c.at, 'change'));
  for (const r of ev.runtime ?? []) (owned(r.service, 'runtime'), notAfter(r.at, 'runtime'));
  for (const e of ev.exceptions ?? []) (owned(e.service, 'exception'), notAfter(e.at, 'exception'));
  for (const a of ev.alerts ?? []) (owned(a.service, 'alert', true), notAfter(a.at, 'alert'));

  const ref = ev.reference;
  if (ref) {
    const from = t(ref.from);
    const to = t(ref.to);
    if (to > atMs || from >= to) fail(spec.name, 'bad reference window');
    const inside = (v: string, where: string) => {
      const x = t(v);
      if (x < from || x > to) fail(spec.name, `reference ${where} outside the window (${v})`);
    };
    for (const m of ref.metrics ?? []) (owned(m.service, 'ref metric'), m.points.forEach(([p]) => inside(p, `metric ${m.name}`)));
    for (const l of ref.logs ?? []) (owned(l.service, 'ref log'), inside(l.at, 'log'));
    for (const tr of ref.traces ?? []) for (const sp of tr.spans) (owned(sp.service, 'ref span'), inside(sp.at, 'span'));
  }

  for (const cls of spec.mustCite) {
    const items = (ev as Record<string, unknown>)[cls];
    if (!Array.isArray(items) || items.length === 0) fail(spec.name, `mustCite ${cls} has no evidence`);
  }
  const e = s.expected;
  if (!e || e.rootCause.service !== spec.root || e.rootCause.kind !== spec.kind) fail(spec.name, 'expected does not match spec');
}

const names = new Set<string>();
for (const spec of specs) {
  if (names.has(spec.name)) fail(spec.name, 'duplicate name');
  names.add(spec.name);
  const file = join(out, `${spec.name}.json`);
  writeFileSync(file, `${JSON.stringify(build(spec), null, 1)}\n`);
  check(spec, file);
}

const count = (key: (s: Spec) => string) => {
  const m = new Map<string, number>();
  for (const s of specs) m.set(key(s), (m.get(key(s)) ?? 0) + 1);
  return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
};
const kinds = count((s) => s.kind);
const sources = count((s) => s.source);
for (const k of ['deployment', 'config_change', 'feature_flag', 'resource_exhaustion', 'dependency_failure', 'infrastructure', 'traffic_surge', 'code_defect']) {
  if ((kinds.find(([x]) => x === k)?.[1] ?? 0) < 4) fail('suite', `kind ${k} used fewer than 4 times`);
}
for (const src of ['alertmanager', 'pagerduty', 'cloudwatch', 'cloudwatch-sns', 'grafana', 'datadog', 'opsgenie']) {
  if (!sources.some(([x]) => x === src)) fail('suite', `source ${src} unused`);
}
if (specs.length < 45 || specs.length > 55) fail('suite', `${specs.length} scenarios`);

const cell = (v: string) => v.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const rows = specs.map(
  (s) => `| [${s.name}.json](${s.name}.json) | ${cell(s.postmortem)} | ${s.source} | ${s.root} / ${s.kind} / ${s.action} | ${cell(s.why)} |`,
);
const head = readFileSync(join(here, 'README.head.md'), 'utf8');
const tally = `Counts by kind: ${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}.\n\nCounts by source: ${sources.map(([k, n]) => `${k} ${n}`).join(', ')}.\n`;
writeFileSync(
  join(out, 'README.md'),
  `${head.replace('{{TALLY}}', tally).trimEnd()}\n\n## Scenarios\n\n| file | postmortem modelled | alert source | expected service / kind / action | what makes it hard |\n|---|---|---|---|---|\n${rows.join('\n')}\n`,
);

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`wrote and checked ${specs.length} scenarios`);
console.log(tally);

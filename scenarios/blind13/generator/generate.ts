import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';
import { resolveScenarioTime } from '../../../functions/contracts/scenario.js';
import { Builder, sec } from './builder.js';
import { rngFor } from './prng.js';
import { signalOf } from './signals.js';
import type { Spec } from './spec.js';
import { SPECS } from './specs/index.js';

/*
 * Writes every scenario of the blind13 suite from its spec, then loads each file back with the
 * repo's loader and checks it: the alert normalizes to one firing signal with the intended
 * service and start; every item names a topology service; no third party or managed AWS
 * service owns a series; the reference lies in its window; nothing is dated after the
 * notification; each mustCite class is present; the name and description do not give away a
 * root cause that is not the alerting service. Run: npx tsx scenarios/blind13/generator/generate.ts
 */

const here = dirname(fileURLToPath(import.meta.url));
const suite = join(here, '..');

function build(spec: Spec): Record<string, unknown> {
  const r = rngFor(spec.name);
  const atMs = Date.parse(spec.at);
  const refShift = spec.ref === 'week' ? 168 * 3600 : spec.ref === 'day' ? 24 * 3600 : 0;
  const b = new Builder(r, atMs, sec(spec.window), spec.step, spec.tz, refShift);
  const signal = signalOf({ ...spec.alert, startsAt: sec(spec.alert.startsAt) }, atMs, r);
  spec.build(b);
  return {
    format: 'causeway.scenario/v1',
    name: spec.name,
    description: spec.description,
    at: spec.at,
    tenant: 'demo',
    signal,
    topology: spec.topology,
    evidence: b.evidence(),
    expected: {
      rootCause: { service: spec.expected.service, kind: spec.expected.kind },
      action: spec.expected.action,
      mustCite: spec.expected.mustCite,
    },
  };
}

function check(spec: Spec, file: string): string[] {
  const problems: string[] = [];
  const s = loadScenarioFile(file);
  const atMs = Date.parse(s.at);
  const t = (v: string) => resolveScenarioTime(v, atMs);
  const signals = getSourceAdapter(s.signal.source).normalize(s.signal.body, { tenantId: 'demo', receivedAt: new Date(atMs), catalog: {} });
  if (signals.length !== 1) problems.push(`${signals.length} signals`);
  const sig = signals[0];
  const wantStart = new Date(atMs + sec(spec.alert.startsAt) * 1000).toISOString();
  if (sig && sig.status !== 'firing') problems.push('signal not firing');
  if (sig && sig.service !== spec.alert.service) problems.push(`signal service ${sig.service} != ${spec.alert.service}`);
  if (sig && Date.parse(sig.startedAt) !== Date.parse(wantStart)) problems.push(`signal start ${sig.startedAt} != ${wantStart}`);
  if (sig && Date.parse(sig.startedAt) > atMs) problems.push('signal starts after the notification');

  const nodes = new Set<string>([...Object.keys(s.topology ?? {}), ...Object.values(s.topology ?? {}).flat()]);
  if (nodes.size < 5 || nodes.size > 25) problems.push(`topology has ${nodes.size} services`);
  const external = new Set(spec.external);
  for (const e of external) if (!nodes.has(e)) problems.push(`external ${e} not in topology`);
  if (!nodes.has(spec.expected.service)) problems.push(`root ${spec.expected.service} not in topology`);
  if (!nodes.has(spec.alert.service)) problems.push(`alert service ${spec.alert.service} not in topology`);
  const ev = s.evidence;
  const named = (where: string, service: string, owns: boolean) => {
    if (!nodes.has(service)) problems.push(`${where}: ${service} not in topology`);
    if (owns && external.has(service)) problems.push(`${where}: external ${service} owns an item`);
  };
  const late = (where: string, v: string) => {
    if (t(v) > atMs) problems.push(`${where}: dated after the notification (${v})`);
  };
  const spansOf = (traces: typeof ev.traces, where: string) => {
    for (const tr of traces ?? []) {
      for (const sp of tr.spans) {
        named(where, sp.service, true);
        late(where, sp.at);
        const peer = sp.attributes?.['peer.service'];
        if (typeof peer === 'string' && !nodes.has(peer)) problems.push(`${where}: peer.service ${peer} not in topology`);
      }
    }
  };
  for (const m of ev.metrics ?? []) {
    named('metrics', m.service, true);
    for (const [p] of m.points) late('metrics', p);
  }
  for (const l of ev.logs ?? []) (named('logs', l.service, true), late('logs', l.at));
  spansOf(ev.traces, 'traces');
  for (const c of ev.changes ?? []) (named('changes', c.service, true), late('changes', c.at));
  for (const c of ev.runtime ?? []) (named('runtime', c.service, true), late('runtime', c.at));
  for (const c of ev.exceptions ?? []) (named('exceptions', c.service, true), late('exceptions', c.at));
  for (const c of ev.alerts ?? []) (named('alerts', c.service, false), late('alerts', c.at));
  const ref = ev.reference;
  if (ref) {
    const from = t(ref.from);
    const to = t(ref.to);
    const inside = (where: string, v: string) => {
      const x = t(v);
      if (x < from || x > to) problems.push(`${where}: ${v} outside the reference window`);
    };
    for (const m of ref.metrics ?? []) (named('reference.metrics', m.service, true), m.points.forEach(([p]) => inside('reference.metrics', p)));
    for (const l of ref.logs ?? []) (named('reference.logs', l.service, true), inside('reference.logs', l.at));
    spansOf(ref.traces, 'reference.traces');
    for (const tr of ref.traces ?? []) for (const sp of tr.spans) inside('reference.traces', sp.at);
  }
  for (const cls of spec.expected.mustCite) {
    const items = (ev as Record<string, unknown[] | undefined>)[cls];
    if (!items?.length) problems.push(`mustCite ${cls} has no evidence`);
  }
  if (spec.expected.service !== spec.alert.service) {
    const root = spec.expected.service.toLowerCase();
    if (spec.name.toLowerCase().includes(root)) problems.push('file name names the root cause');
    if ((s.description ?? '').toLowerCase().includes(root)) problems.push('description names the root cause');
  }
  return problems;
}

const KIND_ACTIONS: Record<string, string[]> = {
  deployment: ['rollback'],
  config_change: ['revert_config'],
  feature_flag: ['disable_flag'],
  traffic_surge: ['scale_out'],
  resource_exhaustion: ['restart', 'scale_out'],
  dependency_failure: ['none'],
  infrastructure: ['none'],
  code_defect: ['none'],
};

function readme(specs: Spec[]): string {
  const head = readFileSync(join(here, 'readme-head.md'), 'utf8');
  const tally = (f: (s: Spec) => string) => {
    const counts = new Map<string, number>();
    for (const s of specs) counts.set(f(s), (counts.get(f(s)) ?? 0) + 1);
    return [...counts].sort().map(([k, n]) => `${k} ${n}`).join(', ');
  };
  const rows = specs.map(
    (s) =>
      `| \`${s.name}\` | ${s.readme.model} | ${s.alert.source} | \`${s.expected.service}\` ${s.expected.kind} | ${s.expected.action} | ${s.expected.mustCite.join(', ')} | ${s.ref ? s.ref : 'none'} | ${s.readme.clue} |`,
  );
  return [
    head.trimEnd(),
    '',
    `## The scenarios (${specs.length})`,
    '',
    `Kinds: ${tally((s) => s.expected.kind)}.`,
    '',
    `Sources: ${tally((s) => s.alert.source)}.`,
    '',
    '| file | modelled on | source | root cause | action | mustCite | reference | what tells an SRE the answer |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

const names = new Set<string>();
let failed = 0;
mkdirSync(suite, { recursive: true });
for (const spec of SPECS) {
  if (names.has(spec.name)) throw new Error(`duplicate ${spec.name}`);
  names.add(spec.name);
  if (!KIND_ACTIONS[spec.expected.kind]!.includes(spec.expected.action)) throw new Error(`${spec.name}: action ${spec.expected.action} does not follow ${spec.expected.kind}`);
  const file = join(suite, `${spec.name}.json`);
  writeFileSync(file, `${JSON.stringify(build(spec), null, 1)}\n`);
  const problems = check(spec, file);
  if (problems.length) {
    failed++;
    console.error(`${spec.name}:\n  ${[...new Set(problems)].slice(0, 12).join('\n  ')}`);
  }
}
writeFileSync(join(suite, 'README.md'), readme(SPECS));
console.log(`${SPECS.length} scenarios written, ${failed} with problems`);
if (failed) process.exit(1);

/**
 * Writes the blind9 suite: one JSON file per spec, each checked with the repo's own scenario
 * loader and its alert passed through its source's normalizer (it must be firing, name the
 * intended service and start when the story says), then README.md and generator/manifest.json.
 * Run: npx tsx scenarios/blind9/generator/generate.ts
 */
import { writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { resolveScenarioTime } from '../../../functions/contracts/scenario.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';
import { buildScenario, type Spec } from './build.js';
import { isoAt } from './lib.js';
import { SPECS } from './specs/index.js';
import { renderReadme } from './readme.js';

const here = dirname(fileURLToPath(import.meta.url));
const suite = dirname(here);

function fail(name: string, message: string): never {
  throw new Error(`${name}: ${message}`);
}

/** Everything a scenario must be before it is written into the suite. */
function check(spec: Spec, file: string): void {
  const scenario = loadScenarioFile(file);
  const signals = getSourceAdapter(scenario.signal.source).normalize(scenario.signal.body, { tenantId: scenario.tenant, receivedAt: new Date(scenario.at), catalog: {} });
  const firing = signals.find((s) => s.status === 'firing');
  if (!firing) fail(spec.name, 'the alert does not normalize to a firing signal');
  if (firing.service !== spec.alert.service) fail(spec.name, `the alert names ${firing.service ?? 'no service'}, not ${spec.alert.service}`);
  const start = isoAt(spec.at, spec.alert.startedMin);
  if (firing.startedAt !== start) fail(spec.name, `the alert starts at ${firing.startedAt}, not ${start}`);
  const nodes = new Set([...Object.keys(spec.topology), ...Object.values(spec.topology).flat()]);
  if (!nodes.has(spec.expected.service)) fail(spec.name, `the root cause ${spec.expected.service} is not in the topology`);
  if (!nodes.has(spec.alert.service)) fail(spec.name, `the alerting service ${spec.alert.service} is not in the topology`);
  if (nodes.size < 4 || nodes.size > 12) fail(spec.name, `${nodes.size} services; the suite wants 4 to 12`);
  const series = new Set((scenario.evidence.metrics ?? []).map((m) => `${m.service}/${m.name}`));
  for (const e of spec.effects) if (!series.has(`${e.svc}/${e.metric}`)) fail(spec.name, `effect on ${e.svc}/${e.metric}, a series the scenario does not hold`);
  const named = [
    ...(scenario.evidence.metrics ?? []),
    ...(scenario.evidence.logs ?? []),
    ...(scenario.evidence.changes ?? []),
    ...(scenario.evidence.runtime ?? []),
    ...(scenario.evidence.exceptions ?? []),
    ...(scenario.evidence.alerts ?? []),
    ...(scenario.evidence.traces ?? []).flatMap((t) => t.spans),
  ];
  for (const item of named) if (!nodes.has(item.service)) fail(spec.name, `evidence names ${item.service}, not in the topology`);
  const atMs = Date.parse(scenario.at);
  const ref = scenario.evidence.reference;
  if (ref) {
    const from = resolveScenarioTime(ref.from, atMs);
    const to = resolveScenarioTime(ref.to, atMs);
    const inside = (t: string) => {
      const ms = resolveScenarioTime(t, atMs);
      return ms >= from && ms <= to;
    };
    for (const m of ref.metrics ?? []) for (const [t] of m.points) if (!inside(t)) fail(spec.name, `reference point ${t} outside [from, to]`);
    for (const l of ref.logs ?? []) if (!inside(l.at)) fail(spec.name, `reference log ${l.at} outside [from, to]`);
    for (const tr of ref.traces ?? []) for (const s of tr.spans) if (!inside(s.at)) fail(spec.name, `reference span ${s.at} outside [from, to]`);
  }
  for (const c of scenario.evidence.changes ?? []) {
    if (resolveScenarioTime(c.at, atMs) > atMs) fail(spec.name, `change ${c.summary} after the alert`);
  }
  const text = `${spec.name} ${JSON.stringify(scenario.description)}`.toLowerCase();
  if (spec.expected.service !== spec.alert.service && new RegExp(`\\b${spec.expected.service}\\b`).test(text)) fail(spec.name, 'the name or description gives away the root cause service');
}

/** JSON with every object or array short enough kept on one line: a point, a log line, a span each read as one row. */
function layout(value: unknown, indent = ''): string {
  const flat = JSON.stringify(value);
  if (value === null || typeof value !== 'object' || flat.length <= 200) return flat;
  const inner = `${indent} `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + layout(v, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${layout(v, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

function main(): void {
  const names = new Set<string>();
  for (const file of readdirSync(suite)) if (file.endsWith('.json')) unlinkSync(join(suite, file));
  for (const spec of SPECS) {
    if (names.has(spec.name)) fail(spec.name, 'duplicate name');
    names.add(spec.name);
    const file = join(suite, `${spec.name}.json`);
    writeFileSync(file, `${layout(buildScenario(spec))}\n`);
    check(spec, file);
  }
  const manifest = SPECS.map((s) => ({ file: `${s.name}.json`, source: s.source, shop: s.shop, models: s.models, expected: s.expected }));
  writeFileSync(join(here, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  writeFileSync(join(suite, 'README.md'), renderReadme(SPECS));
  process.stdout.write(`blind9: ${SPECS.length} scenarios written and checked\n`);
}

main();

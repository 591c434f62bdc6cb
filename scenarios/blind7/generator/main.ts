/**
 * Writes the blind7 scenarios and their manifest, then checks every file: it must pass the
 * scenario schema, and its alert body, read by the sender's own normalizer, must name the
 * intended service and start time. Run: npx tsx scenarios/blind7/generator/main.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';
import type { SignalSource } from '../../../functions/contracts/signal.js';
import { build, iso, type Spec } from './engine.js';
import { specsA } from './specs-a.js';
import { specsB } from './specs-b.js';
import { specsC } from './specs-c.js';
import { specsD } from './specs-d.js';
import { specsE } from './specs-e.js';
import { specsF } from './specs-f.js';
import { renderReadme } from './readme.js';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(here, '..');
const specs: Spec[] = [...specsA, ...specsB, ...specsC, ...specsD, ...specsE, ...specsF];

const names = new Set<string>();
const manifest: Array<Record<string, unknown>> = [];
mkdirSync(outDir, { recursive: true });
for (const spec of specs) {
  if (names.has(spec.name)) throw new Error(`duplicate scenario name ${spec.name}`);
  names.add(spec.name);
  const file = join(outDir, `${spec.name}.json`);
  writeFileSync(file, `${JSON.stringify(build(spec), null, 1)}\n`);
  loadScenarioFile(file);
  const adapter = getSourceAdapter(spec.signal.source as SignalSource);
  const signals = adapter.normalize(spec.signal.body, { tenantId: 'blind7', receivedAt: new Date(spec.at), catalog: {} });
  if (signals.length !== 1) throw new Error(`${spec.name}: normalizer returned ${signals.length} signals`);
  const signal = signals[0]!;
  const wantStart = iso(spec.at, spec.check.start);
  if (signal.service !== spec.check.service) throw new Error(`${spec.name}: alert read as service ${signal.service}, meant ${spec.check.service}`);
  if (!signal.startedAt || Date.parse(signal.startedAt) !== Date.parse(wantStart)) throw new Error(`${spec.name}: alert start ${signal.startedAt}, meant ${wantStart}`);
  if (signal.status !== 'firing') throw new Error(`${spec.name}: alert status ${signal.status}`);
  manifest.push({
    file: `${spec.name}.json`,
    source: spec.signal.source,
    alertService: signal.service,
    alertSeverity: signal.severity,
    alertStartedAt: signal.startedAt,
    expected: spec.expected,
    reference: spec.reference !== false,
    traces: !spec.noTraces && Boolean(spec.traces?.length),
    logs: !spec.noLogs && Boolean(spec.logs?.length),
    story: spec.story,
  });
}
writeFileSync(join(here, 'manifest.json'), `${JSON.stringify({ suite: 'blind7', count: manifest.length, scenarios: manifest }, null, 1)}\n`);
const tally = (key: (e: Record<string, any>) => string) => manifest.reduce<Record<string, number>>((acc, e) => ({ ...acc, [key(e)]: (acc[key(e)] ?? 0) + 1 }), {});
const tallies = {
  sources: tally((e) => e.source),
  'root-cause kinds': tally((e) => e.expected.rootCause.kind),
  actions: tally((e) => e.expected.action),
};
writeFileSync(join(outDir, 'README.md'), renderReadme(specs, tallies));
console.log(`wrote ${manifest.length} scenarios`, tallies);

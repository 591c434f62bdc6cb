/*
 * Writes the blind8 evaluation suite: one scenario file per spec, the manifest and the README.
 * Run from the repository root: `npx tsx scenarios/blind8/generator/main.ts`.
 * Deterministic: every random number comes from a PRNG seeded by the scenario's name, no clock.
 * Every file is checked with the repository's scenario loader, and its alert is passed through its
 * source's normalizer, which must name the intended service and start time and say firing.
 */
import { createHash } from 'node:crypto';
import { readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';
import { buildScenario, type ScenarioSpec } from './build.js';
import { writeReadme } from './readme.js';
import { SPECS } from './specs/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const suite = dirname(here);

interface Checked {
  spec: ScenarioSpec;
  file: string;
  sha256: string;
  title: string;
  bytes: number;
}

function check(spec: ScenarioSpec, path: string): { title: string } {
  const scenario = loadScenarioFile(path);
  if (scenario.name !== spec.name) throw new Error(`${path}: name ${scenario.name} is not ${spec.name}`);
  const signals = getSourceAdapter(scenario.signal.source).normalize(scenario.signal.body, {
    tenantId: scenario.tenant,
    receivedAt: new Date(scenario.at),
    catalog: {},
  });
  if (signals.length !== 1) throw new Error(`${spec.name}: the alert normalized to ${signals.length} signals, not 1`);
  const signal = signals[0]!;
  const startedAt = new Date(Date.parse(spec.at) + spec.alert.startedAt * 1000).toISOString();
  const problems = [
    signal.status !== 'firing' && `status ${signal.status}`,
    signal.service !== spec.alert.service && `service ${signal.service ?? '(none)'} (wanted ${spec.alert.service})`,
    signal.startedAt !== startedAt && `startedAt ${signal.startedAt} (wanted ${startedAt})`,
    signal.source !== spec.source && `source ${signal.source}`,
  ].filter(Boolean);
  if (problems.length) throw new Error(`${spec.name}: the ${spec.source} normalizer read ${problems.join(', ')}`);
  const topologyServices = new Set(Object.entries(scenario.topology ?? {}).flatMap(([k, v]) => [k, ...v]));
  if (topologyServices.size < 4 || topologyServices.size > 12) throw new Error(`${spec.name}: topology has ${topologyServices.size} services, wanted 4–12`);
  return { title: signal.title };
}

function main(): void {
  const names = new Set<string>();
  for (const spec of SPECS) {
    if (names.has(spec.name)) throw new Error(`duplicate scenario name ${spec.name}`);
    names.add(spec.name);
  }
  for (const file of readdirSync(suite)) if (file.endsWith('.json')) unlinkSync(join(suite, file));
  const checked: Checked[] = [];
  for (const spec of SPECS) {
    const text = `${JSON.stringify(buildScenario(spec), null, 1)}\n`;
    const file = `${spec.name}.json`;
    const path = join(suite, file);
    writeFileSync(path, text);
    const { title } = check(spec, path);
    checked.push({ spec, file, title, sha256: createHash('sha256').update(text).digest('hex'), bytes: Buffer.byteLength(text) });
  }
  const manifest = {
    suite: 'blind8',
    generator: 'scenarios/blind8/generator/main.ts',
    count: checked.length,
    scenarios: checked.map(({ spec, file, sha256, bytes }) => ({
      file,
      sha256,
      bytes,
      source: spec.source,
      modelledOn: spec.modelledOn,
      expected: { rootCause: { service: spec.expected.service, kind: spec.expected.kind }, action: spec.expected.action, mustCite: spec.expected.mustCite },
      reference: spec.reference,
      traces: Boolean(spec.traces),
      logs: spec.logs !== false,
    })),
  };
  writeFileSync(join(here, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(suite, 'README.md'), writeReadme(checked));
  process.stdout.write(`wrote ${checked.length} scenarios, all loaded and normalized as intended\n`);
}

main();

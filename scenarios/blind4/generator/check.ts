/*
 * Checks the suite without scoring it: every file loads with the scenario schema, and its
 * signal goes through the matching ingest normalizer, firing, naming the service the
 * incident's alert is about. Run from the repo root:
 *   npx tsx scenarios/blind4/generator/check.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = readFileSync(join(dir, 'manifest.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { file: string; alertService: string; rootCause: { service: string } });
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
if (files.length !== manifest.length) throw new Error(`${files.length} files but ${manifest.length} manifest rows`);
let failures = 0;
for (const row of manifest) {
  const scenario = loadScenarioFile(join(dir, row.file));
  const signals = getSourceAdapter(scenario.signal.source).normalize(scenario.signal.body, { tenantId: scenario.tenant, receivedAt: new Date(scenario.at), catalog: {} });
  const signal = signals.find((s) => s.status === 'firing');
  const topology = new Set(Object.entries(scenario.topology ?? {}).flatMap(([k, v]) => [k, ...v]));
  const evidence = scenario.evidence;
  const named = [
    ...(evidence.metrics ?? []),
    ...(evidence.logs ?? []),
    ...(evidence.traces ?? []).flatMap((t) => t.spans),
    ...(evidence.changes ?? []),
    ...(evidence.runtime ?? []),
    ...(evidence.exceptions ?? []),
    ...(evidence.alerts ?? []),
  ].map((item) => item.service);
  const strangers = [...new Set(named.filter((s) => !topology.has(s)))];
  const problems = [
    strangers.length > 0 && `evidence names services outside the topology: ${strangers.join(', ')}`,
    !signal && 'no firing signal',
    signal && signal.service !== row.alertService && `signal names ${signal.service} (${signal.serviceInferredFrom}), expected ${row.alertService}`,
    !topology.has(row.rootCause.service) && `root cause ${row.rootCause.service} not in topology`,
    !topology.has(row.alertService) && `alerting service ${row.alertService} not in topology`,
  ].filter(Boolean);
  if (problems.length) {
    failures++;
    console.log(`FAIL ${row.file}: ${problems.join('; ')}`);
  } else console.log(`ok   ${row.file}: ${scenario.signal.source} -> ${signal!.service} (${signal!.serviceInferredFrom}), "${signal!.title}"`);
}
console.log(`${manifest.length - failures}/${manifest.length} ok`);
if (failures) process.exit(1);

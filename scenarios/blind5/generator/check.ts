/*
 * Validates every blind5 file with the CLI's own loader (schema only; it does not run the
 * scorer) and reads each alert body with its source's ingest normalizer, printing the service
 * and start time the pipeline will see, so they can be compared with what the story intends.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
let failures = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  try {
    const scenario = loadScenarioFile(join(dir, file));
    const signals = getSourceAdapter(scenario.signal.source).normalize(scenario.signal.body, { tenantId: 'demo', receivedAt: new Date(scenario.at), catalog: {} });
    const s = signals.find((x) => x.status === 'firing') ?? signals[0];
    if (!s) throw new Error('no signal');
    const missing = (scenario.expected?.mustCite ?? []).filter((cls) => !(scenario.evidence as Record<string, unknown>)[cls]);
    if (missing.length) throw new Error(`mustCite names classes the evidence lacks: ${missing.join(', ')}`);
    const lead = (Date.parse(scenario.at) - Date.parse(s.startedAt)) / 60000;
    console.log(`${file.padEnd(48)} ${scenario.signal.source.padEnd(15)} service=${s.service} (${s.serviceInferredFrom}) severity=${s.severity} startedAt=${s.startedAt} (${lead.toFixed(1)}m before at) title="${s.title}"`);
  } catch (error) {
    failures += 1;
    console.log(`${file}: FAIL ${(error as Error).message}`);
  }
}
process.exit(failures ? 1 : 0);

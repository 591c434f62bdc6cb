import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';

/*
 * Validates every file of the suite with the scenario schema and reads its alert with the
 * source's own normalizer (as a replay does: empty catalog), checking that the service and
 * start time come out as the manifest says the sender meant. It does not run the scorer.
 */
const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, '..');
const manifest = JSON.parse(readFileSync(join(dir, 'generator', 'manifest.json'), 'utf8')).scenarios as Record<string, { alert: { service: string; startedAtOffsetSeconds: number }; expected: { service: string } }>;
let failures = 0;
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
for (const file of files) {
  const scenario = loadScenarioFile(join(dir, file));
  const at = new Date(scenario.at);
  const signals = getSourceAdapter(scenario.signal.source).normalize(scenario.signal.body, { tenantId: scenario.tenant, receivedAt: at, catalog: {} });
  const signal = signals.find((s) => s.status === 'firing') ?? signals[0];
  const want = manifest[file];
  const problems: string[] = [];
  if (!want) problems.push('not in manifest');
  if (!signal) problems.push('no signal');
  if (signal && want) {
    if (signal.service !== want.alert.service) problems.push(`service ${signal.service} (rule ${signal.serviceInferredFrom}) != ${want.alert.service}`);
    const offset = (Date.parse(signal.startedAt) - at.getTime()) / 1000;
    if (offset !== want.alert.startedAtOffsetSeconds) problems.push(`startedAt offset ${offset} != ${want.alert.startedAtOffsetSeconds}`);
    if (signal.status !== 'firing') problems.push(`status ${signal.status}`);
  }
  if (JSON.stringify(scenario.signal).includes(`"${want?.expected.service}"`) && want?.expected.service !== want?.alert.service) problems.push(`alert body names the expected service ${want?.expected.service}`);
  const ev = scenario.evidence;
  const counts = ['metrics', 'logs', 'traces', 'changes', 'runtime', 'exceptions', 'alerts'].map((k) => `${k}=${(ev as Record<string, unknown[] | undefined>)[k]?.length ?? 0}`).join(' ');
  console.log(`${problems.length ? 'FAIL' : 'ok  '} ${file} [${scenario.signal.source} → ${signal?.service} ${signal?.severity} ${signal?.startedAt}] ${counts}${ev.reference ? ' ref' : ''}${problems.length ? `\n     ${problems.join('; ')}` : ''}`);
  failures += problems.length ? 1 : 0;
}
console.log(`${files.length} files, ${failures} failing`);
process.exit(failures ? 1 : 0);

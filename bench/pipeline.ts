import { performance } from 'node:perf_hooks';
import { runScenario } from '../cli/scenario-run.js';
import { scenarioFiles } from '../cli/commands.js';
import { startLocalStack } from '../local/stack.js';
import { summary } from './stats.js';

/**
 * Whole investigations through the local state machine, alert to diagnosis (the point
 * where the execution waits for approval or ends), over the scenario suite; and the
 * largest state the execution carried between two states, against the 256 KiB limit.
 */
const stack = await startLocalStack({ retryIntervalMs: 10 });
const files = scenarioFiles(process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['scenarios']);
const latencies: number[] = [];
const stateBytes: number[] = [];
const recordBytes: number[] = [];
const failed: string[] = [];
for (const file of files) {
  const t = performance.now();
  const run = await runScenario(stack, file).catch((error: Error) => void failed.push(`${file}: ${error.message}`));
  if (!run) continue;
  latencies.push(performance.now() - t);
  recordBytes.push(Buffer.byteLength(JSON.stringify(run.record)));
  const execution = stack.sfn.listExecutions().find((e) => e.name === run.record.investigationId)!;
  stateBytes.push(execution.maxStateBytes);
  await stack.sfn.stopExecution(run.record.investigationId);
}
const l = summary(latencies);
const kib = (xs: number[]) => ({ p50: Math.round(summary(xs).p50 / 102.4) / 10, max: Math.round(summary(xs).max / 102.4) / 10 });
console.log(JSON.stringify({ bench: 'pipeline', scenarios: latencies.length, failed, p50Ms: l.p50, p99Ms: l.p99, maxStateKiB: kib(stateBytes), recordKiB: kib(recordBytes) }));
await stack.stop();

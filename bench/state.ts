import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioFiles } from '../cli/commands.js';
import { runScenario } from '../cli/scenario-run.js';
import type { CapacityMeter } from '../local/dynamodb.js';
import { startLocalStack, type LocalStack } from '../local/stack.js';
import type { Execution } from '../local/step-functions.js';
import { percentile } from './stats.js';

/**
 * List prices (us-east-1, on demand) an investigation is priced at, LLM aside. Lambda is
 * Arm64, as the stack deploys it, billed per millisecond; DynamoDB on-demand units at the
 * rates in force since November 2024; Express workflows bill requests and duration (GB-s,
 * in 100 ms steps and 64 MB of memory), not transitions.
 */
export const PRICES = {
  standardTransitionUsd: 0.025 / 1000,
  expressRequestUsd: 1.0 / 1_000_000,
  expressGbSecondUsd: 0.00001667,
  lambdaRequestUsd: 0.2 / 1_000_000,
  lambdaGbSecondUsd: 0.0000133334,
  dynamoWriteUnitUsd: 0.625 / 1_000_000,
  dynamoReadUnitUsd: 0.125 / 1_000_000,
} as const;

/** Memory per function as `lib/causeway-stack.ts` sets it: Score 1024 MB, every other Lambda 512 MB. */
const LAMBDA_MEMORY_MB: Record<string, number> = { 'causeway-score': 1024 };
const DEFAULT_LAMBDA_MEMORY_MB = 512;

/** The suites the README's state row covers; the Nezha folders are skipped where this checkout has no copy. */
export const STATE_SUITES = ['scenarios', 'scenarios/blind', '../shared/benchmarks/nezha-ob', '../shared/benchmarks/nezha-tt'];

/** States the local runtime adds to check a Map's output against the limit: not part of the definition, not billed. */
const LOCAL_ONLY = / output limit$/;

export interface InvestigationCost {
  /** The largest state input or output any state of the run (its child workflows' included) had, in bytes. */
  maxStateBytes: number;
  /** Standard-workflow state transitions, retries included: what Step Functions bills. */
  transitions: number;
  lambdaInvocations: number;
  lambdaGbSeconds: number;
  expressExecutions: number;
  expressGbSeconds: number;
  readUnits: number;
  writeUnits: number;
  usd: number;
  /** The same cost by service: Step Functions (transitions and Express), Lambda, DynamoDB. */
  usdBy: { stepFunctions: number; lambda: number; dynamodb: number };
}

function maxStateBytes(events: Execution['events']): number {
  return events.reduce((max, e) => Math.max(max, e.inputBytes ?? 0, e.outputBytes ?? 0), 0);
}

/** Prices one finished execution from its event log, its Lambda invocations and the capacity it consumed. */
export function priceExecution(execution: Execution, capacity: Pick<CapacityMeter, 'readUnits' | 'writeUnits'>): InvestigationCost {
  const children = execution.children;
  // A child (Express) workflow's states are not billed one by one: only the Standard execution's own events count.
  const transitions = execution.events.filter((e) => !e.child && (e.type === 'StateEntered' || e.type === 'StateRetried') && !LOCAL_ONLY.test(e.state ?? '')).length;
  const lambdaGbSeconds = execution.invocations.reduce((sum, i) => {
    const name = i.functionArn.split(':').pop() ?? '';
    return sum + (Math.max(1, Math.ceil(i.ms)) / 1000) * ((LAMBDA_MEMORY_MB[name] ?? DEFAULT_LAMBDA_MEMORY_MB) / 1024);
  }, 0);
  const expressGbSeconds = children.reduce((sum, c) => sum + (Math.max(1, Math.ceil(c.durationMs / 100)) / 10) * (64 / 1024), 0);
  const usdBy = {
    stepFunctions: transitions * PRICES.standardTransitionUsd + children.length * PRICES.expressRequestUsd + expressGbSeconds * PRICES.expressGbSecondUsd,
    lambda: execution.invocations.length * PRICES.lambdaRequestUsd + lambdaGbSeconds * PRICES.lambdaGbSecondUsd,
    dynamodb: capacity.writeUnits * PRICES.dynamoWriteUnitUsd + capacity.readUnits * PRICES.dynamoReadUnitUsd,
  };
  const usd = usdBy.stepFunctions + usdBy.lambda + usdBy.dynamodb;
  return {
    maxStateBytes: maxStateBytes(execution.events),
    transitions,
    lambdaInvocations: execution.invocations.length,
    lambdaGbSeconds,
    expressExecutions: children.length,
    expressGbSeconds,
    readUnits: capacity.readUnits,
    writeUnits: capacity.writeUnits,
    usd,
    usdBy,
  };
}

export interface SuiteStateFigures {
  suite: string;
  investigations: number;
  failed: string[];
  stateKiB: { p50: number; max: number };
  transitions: { p50: number; max: number };
  writeUnits: { p50: number; max: number };
  readUnits: { p50: number; max: number };
  usd: { p50: number; max: number };
  /** Median cost by service. */
  usdByP50: InvestigationCost['usdBy'];
}

const spread = (xs: number[], round: (x: number) => number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), max: round(sorted.at(-1) ?? 0) };
};
const kib = (bytes: number) => Math.round(bytes / 102.4) / 10;
const unit = (x: number) => Math.round(x * 10) / 10;
const usd = (x: number) => Math.round(x * 1e7) / 1e7;

/**
 * One investigation from alert to end: the scenario replayed through the local stack, a
 * pending approval rejected (the human's click is not what is priced), and the whole
 * run priced. Capacity is the meter's difference over the run, ingest included.
 */
async function investigate(stack: LocalStack, file: string): Promise<InvestigationCost> {
  const meter = stack.capacity!;
  const before = { readUnits: meter.readUnits, writeUnits: meter.writeUnits };
  const run = await runScenario(stack, file);
  const execution = stack.sfn.listExecutions().find((e) => e.name === run.record.investigationId)!;
  for (const token of execution.waitingOn) stack.sfn.sendTaskFailure(token, 'ApprovalRejected', 'rejected by the state bench');
  await execution.done;
  return priceExecution(execution, { readUnits: meter.readUnits - before.readUnits, writeUnits: meter.writeUnits - before.writeUnits });
}

/** What `npm run bench` calls (bench/measure.ts). */
export const measure = (): Promise<SuiteStateFigures[]> => measureState();

/**
 * State size, transitions and cost per investigation for each suite, through the real
 * ASL in the local runtime. Starts its own local stack (one per process).
 */
export async function measureState(suites: string[] = STATE_SUITES): Promise<SuiteStateFigures[]> {
  const stack = await startLocalStack({ retryIntervalMs: 10, meterCapacity: true });
  const figures: SuiteStateFigures[] = [];
  try {
    for (const suite of suites.filter((s) => existsSync(s))) {
      const costs: InvestigationCost[] = [];
      const failed: string[] = [];
      for (const file of scenarioFiles([suite])) {
        try {
          costs.push(await investigate(stack, file));
        } catch (error) {
          failed.push(`${basename(file)}: ${(error as Error).message}`);
        }
      }
      figures.push({
        suite: basename(suite),
        investigations: costs.length,
        failed,
        stateKiB: spread(costs.map((c) => c.maxStateBytes), kib),
        transitions: spread(costs.map((c) => c.transitions), (x) => x),
        writeUnits: spread(costs.map((c) => c.writeUnits), unit),
        readUnits: spread(costs.map((c) => c.readUnits), unit),
        usd: spread(costs.map((c) => c.usd), usd),
        usdByP50: {
          stepFunctions: spread(costs.map((c) => c.usdBy.stepFunctions), usd).p50,
          lambda: spread(costs.map((c) => c.usdBy.lambda), usd).p50,
          dynamodb: spread(costs.map((c) => c.usdBy.dynamodb), usd).p50,
        },
      });
    }
  } finally {
    await stack.stop();
  }
  return figures;
}

/** The figures of the path before the claim check and the evidence child workflow (commit 2305b3d), by suite, from `bench/baseline.json`. */
export function stateBaseline(): Record<string, Omit<SuiteStateFigures, 'suite' | 'failed' | 'usdByP50'>> {
  const file = new URL('./baseline.json', import.meta.url);
  if (!existsSync(file)) return {};
  const suites = (JSON.parse(readFileSync(file, 'utf8')) as { state?: { figures?: { state?: Omit<SuiteStateFigures, 'failed' | 'usdByP50'>[] } } }).state?.figures?.state ?? [];
  return Object.fromEntries(suites.map(({ suite, ...figures }) => [suite, figures]));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const suites = process.argv.slice(2);
  const before = stateBaseline();
  for (const figure of await measureState(suites.length > 0 ? suites : undefined)) console.log(JSON.stringify({ bench: 'state', ...figure, before: before[figure.suite] }));
}

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioExpected } from '../functions/contracts/index.js';
import { startLocalStack } from '../local/stack.js';
import { failedRun, scoreRun, summarize, type ScenarioScore } from './eval-score.js';
import { formatRecord, formatScorecard } from './print.js';
import { loadScenarioFile, runScenario, type ScenarioRun } from './scenario-run.js';

/** Every scenario file under the given files and folders, sorted, so a run is repeatable. */
export function scenarioFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${path}: no such file or folder`);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name.endsWith('.json') && statSync(join(path, name)).isFile()) files.push(join(path, name));
    } else files.push(path);
  }
  return files;
}

export function approvalLinks(run: ScenarioRun): { approve?: string; reject?: string } {
  const blocks = (run.approvalMessage?.body.blocks ?? []) as { type: string; elements?: { url?: string; style?: string }[] }[];
  const buttons = blocks.find((b) => b.type === 'actions')?.elements ?? [];
  return { approve: buttons.find((b) => b.style === 'primary')?.url, reject: buttons.find((b) => b.style === 'danger')?.url };
}

/** `causeway investigate FILE [--json]`: one scenario through the whole local pipeline. */
export async function investigate(file: string, json: boolean, out: (text: string) => void): Promise<number> {
  const stack = await startLocalStack();
  try {
    const run = await runScenario(stack, file);
    out(json ? JSON.stringify(run.record, null, 2) : formatRecord(run.record));
    return run.record.rca ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

/** `causeway eval PATH… [--json]`: every scenario scored; a scenario that cannot run is a miss with its error, and eval still exits 0. */
export async function evaluate(paths: string[], json: boolean, out: (text: string) => void): Promise<{ scores: ScenarioScore[]; summary: ReturnType<typeof summarize> }> {
  const files = scenarioFiles(paths);
  const stack = await startLocalStack({ retryIntervalMs: 10 });
  const scores: ScenarioScore[] = [];
  try {
    for (const file of files) {
      let name = file;
      let expected: ScenarioExpected | undefined;
      try {
        const scenario = loadScenarioFile(file);
        name = scenario.name;
        expected = scenario.expected;
        const run = await runScenario(stack, file);
        await stack.sfn.stopExecution(run.record.investigationId);
        scores.push({ ...scoreRun(run.scenario.name, run.scenario.expected, run.record, run.durationMs), file });
      } catch (error) {
        scores.push({ ...failedRun(name, (error as Error).message, expected), file });
      }
    }
  } finally {
    await stack.stop();
  }
  const summary = summarize(scores);
  out(json ? JSON.stringify({ scenarios: scores, summary }, null, 2) : formatScorecard(scores, summary));
  return { scores, summary };
}

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioExpected } from '../functions/contracts/index.js';
import { startLocalStack } from '../local/stack.js';
import { LlmConfig, tenantSecretPrefix } from '../functions/contracts/index.js';
import { failedRun, scoreLlm, scoreRun, summarize, summarizeLlm, type ScenarioScore } from './eval-score.js';
import { FileError } from './file-error.js';
import { formatRecord, formatScorecard } from './print.js';
import { PLAIN, type Style } from './style.js';
import { ensureScenarioTenant, loadScenarioFile, runScenario, type ScenarioRun } from './scenario-run.js';
import { putTenant } from '../local/tenants.js';
import type { LocalStack } from '../local/stack.js';

/** Every scenario file under the given files and folders, sorted, so a run is repeatable. */
export function scenarioFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) throw new FileError(path, 'no such file or folder');
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
export async function investigate(file: string, json: boolean, out: (text: string) => void, style: Style = PLAIN): Promise<number> {
  loadScenarioFile(file, { logs: 'drop' });
  const stack = await startLocalStack();
  try {
    const run = await runScenario(stack, file);
    out(json ? JSON.stringify(run.record, null, 2) : formatRecord(run.record, undefined, style));
    return run.record.rca ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

/** The model `eval --llm` scores, from CAUSEWAY_LLM_BASE_URL, CAUSEWAY_LLM_MODEL and (optionally) CAUSEWAY_LLM_API_KEY. */
export function llmFromEnv(env: NodeJS.ProcessEnv = process.env): { config: LlmConfig; apiKey?: string } {
  if (!env.CAUSEWAY_LLM_BASE_URL || !env.CAUSEWAY_LLM_MODEL) throw new Error('eval --llm needs CAUSEWAY_LLM_BASE_URL and CAUSEWAY_LLM_MODEL (and CAUSEWAY_LLM_API_KEY unless the endpoint is keyless)');
  return { config: LlmConfig.parse({ baseUrl: env.CAUSEWAY_LLM_BASE_URL, model: env.CAUSEWAY_LLM_MODEL }), apiKey: env.CAUSEWAY_LLM_API_KEY };
}

/** Points a scenario tenant at the model, its key in the local secret store like a registered tenant's. */
async function useModel(stack: LocalStack, tenantId: string, model: { config: LlmConfig; apiKey?: string }): Promise<void> {
  const tenant = await ensureScenarioTenant(stack, tenantId);
  const apiKeySecretRef = model.apiKey ? `${tenantSecretPrefix(tenantId)}llm` : undefined;
  if (apiKeySecretRef) stack.secrets.put(apiKeySecretRef, JSON.stringify({ apiKey: model.apiKey }));
  await putTenant(stack, { ...tenant, llm: { ...model.config, ...(apiKeySecretRef ? { apiKeySecretRef } : {}) } });
}

export interface EvalOptions {
  llm?: boolean;
  /** Each scenario's score as soon as it is known, with its place in the run and every scenario's name. */
  onRow?: (score: ScenarioScore, done: number, names: string[]) => void;
  /** Every scenario's name, once all files are checked and before the first runs. */
  onStart?: (names: string[]) => void;
  style?: Style;
}

/**
 * `causeway eval PATH… [--json] [--llm]`: every file is checked before the local stack
 * starts (one that is missing or not a scenario is a {@link FileError}); then every scenario
 * is scored, each reported through `onRow` as it finishes, and the scorecard printed whole.
 * A scenario that cannot run is a miss with its error. With `--llm` the scenario tenants use
 * the model from the environment, and the RCA's root cause is scored beside the
 * deterministic top suspect of the same run.
 */
export async function evaluate(paths: string[], json: boolean, out: (text: string) => void, options: EvalOptions = {}): Promise<{ scores: ScenarioScore[]; summary: ReturnType<typeof summarize> }> {
  const files = scenarioFiles(paths);
  const names = files.map((file) => loadScenarioFile(file).name);
  const model = options.llm ? llmFromEnv() : undefined;
  const stack = await startLocalStack({ retryIntervalMs: 10 });
  options.onStart?.(names);
  const scores: ScenarioScore[] = [];
  const modelTenants = new Set<string>();
  try {
    for (const file of files) {
      let name = file;
      let expected: ScenarioExpected | undefined;
      try {
        const scenario = loadScenarioFile(file);
        name = scenario.name;
        expected = scenario.expected;
        if (model && !modelTenants.has(scenario.tenant)) {
          await useModel(stack, scenario.tenant, model);
          modelTenants.add(scenario.tenant);
        }
        const run = await runScenario(stack, file);
        await stack.sfn.stopExecution(run.record.investigationId);
        const llm = model ? scoreLlm(run.scenario.expected, run.record) : undefined;
        scores.push({ ...scoreRun(run.scenario.name, run.scenario.expected, run.record, run.durationMs), file, ...(llm ? { llm } : {}) });
      } catch (error) {
        scores.push({ ...failedRun(name, (error as Error).message, expected), file });
      }
      options.onRow?.(scores.at(-1)!, scores.length, names);
    }
  } finally {
    await stack.stop();
  }
  const summary = summarize(scores);
  const llm = model ? summarizeLlm(scores) : undefined;
  out(json ? JSON.stringify({ scenarios: scores, summary, ...(llm ? { llm } : {}) }, null, 2) : formatScorecard(scores, summary, options.style));
  if (llm && !json) {
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    out(`model ${model!.config.model}: top-1 ${pct(llm.top1)} vs deterministic ${pct(llm.deterministicTop1)}; its answer used in ${llm.authoredByModel}/${llm.n} (the rest fell back); ${llm.promptTokens}+${llm.completionTokens} tokens, ${(llm.latencyMs / 1000).toFixed(1)} s, ~$${llm.estimatedCostUsd}`);
  }
  return { scores, summary };
}

import { z } from 'zod';
import { EvidencePlan, ProviderResult, StoredProviderResult } from '../contracts/index.js';
import { loadEnv } from '../shared/env.js';
import { CausewayError } from '../shared/errors.js';
import { storeProviderResult, type StoreTarget } from '../shared/evidence-store.js';
import { createLogger } from '../shared/logger.js';
import { recordProviderError } from '../shared/metrics.js';
import { secretsOf } from '../shared/secrets.js';
import { stageHandler } from '../shared/stage.js';
import { isTransient } from '../shared/transient.js';
import type { EvidenceProvider } from './types.js';

/** A provider's own deadline, well inside the Gather task's 60 s timeout, so a slow backend ends as a named error. */
export const PROVIDER_DEADLINE_MS = 45_000;

export class ProviderTimeoutError extends CausewayError {
  constructor(ms: number) {
    super(`the backend did not answer within ${ms} ms`, 504);
  }
}

/**
 * Runs one provider for one plan and always answers with the envelope: success, no
 * data (saying what was searched), or a named error. Only transient failures are
 * thrown, so Step Functions retries them; everything else is data.
 */
export async function runProvider(provider: EvidenceProvider, plan: EvidencePlan, deadlineMs = PROVIDER_DEADLINE_MS): Promise<ProviderResult> {
  const started = Date.now();
  const base = {
    planId: plan.planId,
    evidenceClass: plan.evidenceClass,
    backend: { id: plan.backend.id, type: plan.backend.type },
  };
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ProviderTimeoutError(deadlineMs));
    }, deadlineMs);
  });
  try {
    const findings = await Promise.race([provider.query(plan, { signal: controller.signal, deadlineAt: started + deadlineMs, readSecret: secretsOf(plan.tenantId) }), deadline]);
    const durationMs = Date.now() - started;
    const notes = findings.notes ?? [];
    if (findings.items.length === 0) return ProviderResult.parse({ ...base, status: 'no_data', query: findings.query, durationMs, notes, items: [] });
    return ProviderResult.parse({ ...base, status: 'success', query: findings.query, durationMs, notes, items: findings.items });
  } catch (error) {
    // Thrown for the stage wrapper to name TransientError, so Step Functions retries it (a throttled table read included).
    if (isTransient(error)) throw error;
    const err = error as Error;
    return ProviderResult.parse({
      ...base,
      status: 'error',
      query: provider.describe(plan),
      durationMs: Date.now() - started,
      notes: [],
      items: [],
      error: { name: err.name || 'Error', message: (err.message || String(error)).slice(0, 2000), retryable: false },
    });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stores a result whole (claim check) and answers what Gather keeps in state: the outcome
 * in a few fields and the reference. A failure to store is thrown, typed, so the Map's
 * Catch turns it into this provider's error entry and the other providers still count.
 */
export async function storeForState(target: StoreTarget, plan: EvidencePlan, result: ProviderResult): Promise<StoredProviderResult> {
  const ref = await storeProviderResult(target, { tenantId: plan.tenantId, investigationId: plan.investigationId }, result);
  return { planId: result.planId, evidenceClass: result.evidenceClass, backend: result.backend, status: result.status, itemCount: result.items.length, durationMs: result.durationMs, result: ref };
}

/** The Lambda handler for one backend type: the plan in, the result stored, its reference out. */
export function makeProviderHandler(provider: EvidenceProvider) {
  const logger = createLogger(`provider-${provider.type}`);
  const env = loadEnv({ TABLE_NAME: z.string().min(1) });
  return stageHandler(EvidencePlan, StoredProviderResult, async (plan) => {
    const result = await runProvider(provider, plan);
    const level = result.status === 'error' ? 'warn' : 'info';
    logger[level]('provider finished', { planId: plan.planId, status: result.status, durationMs: result.durationMs, error: result.status === 'error' ? result.error : undefined });
    if (result.status === 'error') recordProviderError({ backendType: provider.type, backendId: plan.backend.id, tenantId: plan.tenantId, errorName: result.error?.name ?? 'Error' });
    return storeForState({ tableName: env.TABLE_NAME }, plan, result);
  });
}

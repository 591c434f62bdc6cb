import type { EvidenceClass, EvidenceItem, EvidencePlan, ProviderQuery } from '../contracts/index.js';

/** What a provider hands back before the envelope is built: the items it found, the query it ran, and what it left out. */
export interface ProviderFindings {
  query: ProviderQuery;
  items: EvidenceItem[];
  notes?: string[];
}

export interface ProviderDeps {
  /** Aborted at the provider's deadline, well inside the Lambda timeout. */
  signal: AbortSignal;
  /** Epoch ms of that deadline, so optional reads (the reference) can stop before it. */
  deadlineAt?: number;
  /** Reads the backend's secret (cached); never log or return what it gives. */
  readSecret: (ref: string) => Promise<unknown>;
}

/**
 * One backend. `query` runs the plan's evidence class against the backend and returns
 * bounded findings; throw `TransientError` for throttling and 5xx (ASL retries those),
 * any other typed error for the rest (recorded as a named error, not retried).
 */
export interface EvidenceProvider {
  type: string;
  classes: readonly EvidenceClass[];
  /** Describes the query without running it, so a failure can still say what was searched. */
  describe(plan: EvidencePlan): ProviderQuery;
  query(plan: EvidencePlan, deps: ProviderDeps): Promise<ProviderFindings>;
}

import { z } from 'zod';
import { EvidenceClass, InvestigationId, RootCauseKind, ServiceName, TenantId } from './common.js';

/** Items one stored value may span (each under DynamoDB's 400 KB item limit): 16 × 350 KB of gzip. */
export const MAX_STORED_CHUNKS = 16;

/** The most compressed bytes a value may carry inline in its reference: a few hundred bytes in state per plan, where an item would bill a whole write unit. */
export const MAX_INLINE_BYTES = 512;

/**
 * A claim check: where a value too large for the state between states was stored, and
 * how to prove it was read back whole. It names its tenant and investigation, and a
 * reader refuses a reference that is not its own investigation's.
 */
export const StoredRef = z.object({
  tenantId: TenantId,
  investigationId: InvestigationId,
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/),
  chunks: z.number().int().min(1).max(MAX_STORED_CHUNKS),
  /** Bytes of the value as JSON, and as stored (compressed). */
  bytes: z.number().int().nonnegative(),
  storedBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** A value small enough to travel in the reference itself (a provider that found nothing): its stored bytes, base64; no item was written. */
  inline: z.string().max(Math.ceil(MAX_INLINE_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/).optional(),
});
export type StoredRef = z.infer<typeof StoredRef>;

/**
 * What Gather keeps in state of one provider's result: its outcome in a few fields and
 * the reference to the whole result (items, query, notes), which Score reads.
 */
export const StoredProviderResult = z.object({
  planId: z.string(),
  evidenceClass: EvidenceClass,
  backend: z.object({ id: z.string(), type: z.string() }),
  status: z.enum(['success', 'no_data', 'error']),
  itemCount: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
  result: StoredRef,
});
export type StoredProviderResult = z.infer<typeof StoredProviderResult>;

/** What state keeps of the scored evidence: the reference to it, and the headline a person reads in the console. */
export const StoredDigest = z.object({
  ref: StoredRef,
  confidence: z.number().min(0).max(1),
  suspects: z.array(z.object({ service: ServiceName, kind: RootCauseKind, score: z.number().min(0).max(1) })).max(3),
});
export type StoredDigest = z.infer<typeof StoredDigest>;

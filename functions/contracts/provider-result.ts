import { z } from 'zod';
import { EvidenceClass, TimeWindow } from './common.js';
import { EvidenceItem } from './evidence.js';

/** What was asked, of whom, over which range: kept with every outcome so "no data" and errors say what was searched. */
export const ProviderQuery = z.object({
  text: z.string().max(4000),
  target: z.string().max(2048),
  window: TimeWindow,
});
export type ProviderQuery = z.infer<typeof ProviderQuery>;

export const ProviderError = z.object({
  name: z.string().max(200),
  message: z.string().max(2000),
  retryable: z.boolean().default(false),
});

const Base = {
  planId: z.string(),
  evidenceClass: EvidenceClass,
  backend: z.object({ id: z.string(), type: z.string() }),
  query: ProviderQuery,
  durationMs: z.number().nonnegative(),
  /** What the provider left out to stay in budget, in words a person can act on. */
  notes: z.array(z.string().max(500)).max(20).default([]),
};

/** The envelope every provider returns: success with items, no data, or an error; never a thrown failure in state. */
export const ProviderResult = z.discriminatedUnion('status', [
  z.object({ ...Base, status: z.literal('success'), items: z.array(EvidenceItem).min(1) }),
  z.object({ ...Base, status: z.literal('no_data'), items: z.array(EvidenceItem).max(0).default([]) }),
  z.object({ ...Base, status: z.literal('error'), items: z.array(EvidenceItem).max(0).default([]), error: ProviderError }),
]);
export type ProviderResult = z.infer<typeof ProviderResult>;

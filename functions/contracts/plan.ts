import { z } from 'zod';
import { CorrelationKeys, EvidenceClass, InvestigationId, ServiceName, TenantId, TimeWindow } from './common.js';
import { BackendConfig } from './tenant.js';

/** Output budget every provider must respect, whatever the size of what it read. */
export const DEFAULT_PROVIDER_MAX_BYTES = 48 * 1024;

/**
 * One query to run: one evidence class against one backend. LoadTenant makes these;
 * Gather maps over them, invoking `functionArn` (the backend type's provider Lambda).
 */
export const EvidencePlan = z.object({
  planId: z.string().regex(/^[a-z0-9-]{1,100}$/),
  tenantId: TenantId,
  investigationId: InvestigationId,
  evidenceClass: EvidenceClass,
  backend: BackendConfig,
  functionArn: z.string().min(1),
  window: TimeWindow,
  /** The time the alert fired: providers split baseline from incident around it. */
  alertAt: z.iso.datetime({ offset: true }),
  /**
   * Healthy windows to run the same query over (the tenant's reference offsets applied to
   * `window`), so the scorer asks "unusual for this service?" rather than "changed within
   * the window?". Empty: no reference; the pre-onset part of the window is the baseline.
   */
  reference: z.array(TimeWindow).max(4).default([]),
  focusService: ServiceName.optional(),
  services: z.array(ServiceName).max(200),
  /**
   * Also answer for services `services` does not list, within the same budget: set when
   * the tenant's topology is small, so platform pieces it never lists (a node group, a
   * transit gateway, a capacity provider) come back with their own evidence. A backend
   * that can only query named services reads `services` alone.
   */
  unlisted: z.boolean().default(false),
  correlation: CorrelationKeys,
  limits: z.object({
    maxItems: z.number().int().positive().default(200),
    maxBytes: z.number().int().positive().default(DEFAULT_PROVIDER_MAX_BYTES),
  }),
});
export type EvidencePlan = z.infer<typeof EvidencePlan>;

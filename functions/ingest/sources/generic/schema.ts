import { z } from 'zod';
import { Severity } from '../../../contracts/signal.js';

/**
 * Causeway's own alert format, for anything that can POST JSON. Only `title` is required.
 *
 * ```json
 * {
 *   "title": "Checkout p99 latency above 2s",
 *   "status": "firing",
 *   "severity": "high",
 *   "service": "checkout",
 *   "environment": "prod",
 *   "startedAt": "2026-01-05T10:00:00Z",
 *   "dedupKey": "checkout-latency",
 *   "labels": { "region": "eu-west-1" },
 *   "links": { "runbook": "https://runbooks.example.com/checkout-latency" },
 *   "correlation": { "traceIds": ["4bf92f3577b34da6a3ce929d0e0e4736"], "version": "1.42.0" }
 * }
 * ```
 *
 * `dedupKey` names "the same alert" for repeats and the later `resolved`; without it, title
 * plus service does.
 */
export const GenericAlert = z.object({
  title: z.string().trim().min(1).max(500),
  status: z.enum(['firing', 'resolved']).default('firing'),
  severity: Severity.default('warning'),
  service: z.string().trim().min(1).max(200).optional(),
  environment: z.string().max(100).optional(),
  namespace: z.string().max(253).optional(),
  description: z.string().max(4000).optional(),
  startedAt: z.iso.datetime({ offset: true }).optional(),
  dedupKey: z.string().trim().min(1).max(256).optional(),
  externalId: z.string().trim().min(1).max(512).optional(),
  url: z.url({ protocol: /^https?$/ }).max(2048).optional(),
  links: z
    .object({
      runbook: z.url({ protocol: /^https?$/ }).max(2048).optional(),
      dashboard: z.url({ protocol: /^https?$/ }).max(2048).optional(),
      source: z.url({ protocol: /^https?$/ }).max(2048).optional(),
    })
    .default({}),
  labels: z.record(z.string().max(200), z.string().max(2048)).default({}),
  correlation: z
    .object({
      traceIds: z.array(z.string().max(128)).max(20).default([]),
      requestIds: z.array(z.string().max(128)).max(20).default([]),
      version: z.string().max(200).optional(),
      pod: z.string().max(253).optional(),
      namespace: z.string().max(253).optional(),
      awsAccountId: z.string().regex(/^\d{12}$/).optional(),
      region: z.string().max(40).optional(),
      resourceArn: z.string().max(2048).optional(),
    })
    .default({ traceIds: [], requestIds: [] }),
});
export type GenericAlert = z.infer<typeof GenericAlert>;

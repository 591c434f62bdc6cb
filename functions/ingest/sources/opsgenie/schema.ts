import { z } from 'zod';
import { OptionalString } from '../shared/parse.js';

/**
 * Opsgenie Webhook integration ("alert action data"): the `action` taken and a subset of the
 * alert. `createdAt` is epoch milliseconds, `updatedAt` nanoseconds; `details` is a string map,
 * sent only for Create and custom actions when the integration is set to include it.
 */
export const OpsgenieWebhook = z.object({
  action: z.string().min(1),
  /** Escalate actions name the escalation and whom it notified; they carry only `alert.alertId`. */
  escalationName: OptionalString,
  escalationNotify: z.object({ name: OptionalString }).nullish(),
  alert: z.object({
    alertId: z.string().min(1),
    message: OptionalString,
    alias: OptionalString,
    tinyId: OptionalString,
    entity: OptionalString,
    source: OptionalString,
    description: OptionalString,
    priority: OptionalString,
    tags: z.array(z.string()).nullish(),
    teams: z.array(z.string()).nullish(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)).nullish(),
    createdAt: z.number().nullish(),
    /** Epoch nanoseconds: when the action happened. */
    updatedAt: z.number().nullish(),
    /** Who took the action (`System` for Opsgenie itself). */
    username: OptionalString,
    note: OptionalString,
    owner: OptionalString,
  }),
});
export type OpsgenieWebhook = z.infer<typeof OpsgenieWebhook>;

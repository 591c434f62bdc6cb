import { z } from 'zod';
import { OptionalString } from '../shared/parse.js';

/*
 * PagerDuty v3 webhook: one `event` per delivery; `event.data` depends on `event.event_type`.
 * Only `incident` data is read; notes, responders, status updates and service events change no
 * alert state.
 */

const Reference = z.object({ id: OptionalString, summary: OptionalString, html_url: OptionalString });

export const PagerDutyIncident = z.object({
  id: z.string().min(1),
  type: z.literal('incident'),
  html_url: OptionalString,
  number: z.number().nullish(),
  status: OptionalString,
  incident_key: OptionalString,
  created_at: OptionalString,
  title: OptionalString,
  urgency: OptionalString,
  service: Reference.nullish(),
  priority: Reference.nullish(),
  escalation_policy: Reference.nullish(),
  teams: z.array(Reference).nullish(),
});
export type PagerDutyIncident = z.infer<typeof PagerDutyIncident>;

export const PagerDutyWebhook = z.object({
  event: z.object({
    id: z.string().min(1),
    event_type: z.string().min(1),
    resource_type: OptionalString,
    occurred_at: OptionalString,
    data: z.unknown(),
  }),
});

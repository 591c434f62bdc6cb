import { z } from 'zod';
import { OptionalString } from '../shared/parse.js';

const Reference = z.object({ id: OptionalString, summary: OptionalString, html_url: OptionalString });

/** `event.data` of incident events (`data.type` is `incident`). */
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

/**
 * `event.data` of events about an incident that are not the incident itself: a note
 * (`incident_note`, its text in `content`) or a status update (`status_update`, in `message`).
 */
export const PagerDutyIncidentNote = z.object({
  type: z.string().min(1),
  content: OptionalString,
  message: OptionalString,
  incident: z.object({ id: z.string().min(1), summary: OptionalString, html_url: OptionalString }),
});

/**
 * PagerDuty v3 webhook: one `event` per delivery; `event.data` depends on `event.event_type`
 * and is only parsed as an incident for the event types that change incident state.
 */
export const PagerDutyWebhook = z.object({
  event: z.object({
    id: z.string().min(1),
    event_type: z.string().min(1),
    resource_type: OptionalString,
    occurred_at: OptionalString,
    /** Who did it: a user on acknowledge, resolve, reassign; absent or a service for automatic events. */
    agent: z.object({ summary: OptionalString, type: OptionalString }).nullish(),
    data: z.unknown(),
  }),
});
export type PagerDutyWebhook = z.infer<typeof PagerDutyWebhook>;

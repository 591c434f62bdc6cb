import { z } from 'zod';
import type { DeliveryConfig } from '../contracts/index.js';
import { DeliveryError, postJson, type PostPolicy, DEFAULT_POST_POLICY } from './http-post.js';

/** PagerDuty keeps notes short in its UI; a note is a summary with a link, not the record. */
export const MAX_NOTE_CHARS = 4000;

const PagerDutyNoteAnswer = z.object({ note: z.object({ id: z.string().min(1) }) });
const OpsgenieAnswer = z.object({ requestId: z.string().min(1) });

const base = (url: string) => url.replace(/\/+$/, '');

/**
 * `POST /incidents/{id}/notes` on PagerDuty's REST API v2: `Authorization: Token token=…`,
 * the versioned Accept header, and `From`, the email of a valid user, which PagerDuty
 * requires on every write. Answers with the created note, whose id is kept.
 */
export async function addPagerDutyNote(config: NonNullable<DeliveryConfig['pagerduty']>, token: string, incidentId: string, content: string, policy: PostPolicy = DEFAULT_POST_POLICY): Promise<{ noteId: string }> {
  const answer = await postJson(
    {
      url: `${base(config.apiBaseUrl)}/incidents/${encodeURIComponent(incidentId)}/notes`,
      headers: { accept: 'application/vnd.pagerduty+json;version=2', authorization: `Token token=${token}`, from: config.fromEmail },
      body: { note: { content: content.slice(0, MAX_NOTE_CHARS) } },
    },
    policy,
  );
  const parsed = PagerDutyNoteAnswer.safeParse(answer.body);
  if (!parsed.success) throw new DeliveryError('bad_response', `PagerDuty answered ${answer.status} without the created note`, answer.status);
  return { noteId: parsed.data.note.id };
}

/**
 * `POST /v2/alerts/{id}/notes?identifierType=id` on Opsgenie's Alert API with
 * `Authorization: GenieKey …`. Opsgenie accepts the request (202) and processes it
 * asynchronously; its `requestId` is what can be looked up later, so that is kept.
 */
export async function addOpsgenieNote(config: NonNullable<DeliveryConfig['opsgenie']>, apiKey: string, alertId: string, note: string, policy: PostPolicy = DEFAULT_POST_POLICY): Promise<{ requestId: string }> {
  const answer = await postJson(
    {
      url: `${base(config.apiBaseUrl)}/v2/alerts/${encodeURIComponent(alertId)}/notes?identifierType=id`,
      headers: { authorization: `GenieKey ${apiKey}` },
      body: { user: 'Causeway', source: 'Causeway', note: note.slice(0, MAX_NOTE_CHARS) },
    },
    policy,
  );
  const parsed = OpsgenieAnswer.safeParse(answer.body);
  if (!parsed.success) throw new DeliveryError('bad_response', `Opsgenie answered ${answer.status} without a requestId`, answer.status);
  return { requestId: parsed.data.requestId };
}

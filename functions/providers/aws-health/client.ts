import { DescribeAffectedEntitiesCommand, DescribeEventDetailsCommand, DescribeEventsCommand, HealthClient, type AffectedEntity, type Event, type EventFilter } from '@aws-sdk/client-health';
import { classifyAwsError, clientsByRegion } from '../../shared/aws-client.js';
import { CausewayError } from '../../shared/errors.js';

/** One Health client per endpoint region, kept for the life of the container. */
export const healthFor = clientsByRegion((region, config) => new HealthClient({ region, ...config }));

/**
 * The AWS Health API is global, served from one endpoint per partition: us-east-1 for the
 * commercial partition (with us-east-2 as AWS's failover), cn-northwest-1 in China.
 */
export function healthEndpointRegion(region: string): string {
  return region.startsWith('cn-') ? 'cn-northwest-1' : region.startsWith('us-gov-') ? 'us-gov-west-1' : 'us-east-1';
}

/** DescribeEvents pages read at most (100 events a page): a day of one account's events fits well inside. */
export const MAX_EVENT_PAGES = 5;
/** Events whose entities and details are read at most; the nearest the window first. */
export const MAX_EVENTS = 20;
/** DescribeAffectedEntities pages per batch of ten events. */
export const MAX_ENTITY_PAGES = 3;

/**
 * The account has no Business, Enterprise On-Ramp or Enterprise support plan: the AWS
 * Health API answers every call with SubscriptionRequiredException. Not a failure of the
 * investigation: the backend cannot serve, and the provider says so.
 */
export class HealthSubscriptionRequiredError extends CausewayError {
  constructor(where: string) {
    super(`${where}: the AWS Health API needs a Business, Enterprise On-Ramp or Enterprise support plan on the account it reads (SubscriptionRequiredException)`, 403);
  }
}

/**
 * Runs one Health call and classifies its failure as every AWS provider does (throttling
 * and 5xx transient), except a missing support plan, which is named for what it is.
 */
async function callHealth<T>(where: string, signal: AbortSignal, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (signal.aborted) throw error;
    if ((error as { name?: string } | undefined)?.name === 'SubscriptionRequiredException') throw new HealthSubscriptionRequiredError(where);
    throw classifyAwsError(error, where);
  }
}

export interface EventPages {
  events: Event[];
  pages: number;
  truncated: boolean;
}

/** DescribeEvents over the filter, every page up to {@link MAX_EVENT_PAGES}. */
export async function describeEvents(client: HealthClient, filter: EventFilter, signal: AbortSignal, where: string): Promise<EventPages> {
  const out: EventPages = { events: [], pages: 0, truncated: false };
  let nextToken: string | undefined;
  do {
    const page = await callHealth(where, signal, () => client.send(new DescribeEventsCommand({ filter, maxResults: 100, ...(nextToken ? { nextToken } : {}) }), { abortSignal: signal }));
    out.events.push(...(page.events ?? []));
    nextToken = page.nextToken;
    out.pages++;
  } while (nextToken && out.pages < MAX_EVENT_PAGES);
  out.truncated = nextToken !== undefined;
  return out;
}

const batchesOfTen = (arns: readonly string[]) => Array.from({ length: Math.ceil(arns.length / 10) }, (_, i) => arns.slice(i * 10, i * 10 + 10));

/** The entities of each event (DescribeAffectedEntities takes ten event ARNs a call), and whether any batch ran past its pages. */
export async function describeEntities(client: HealthClient, eventArns: readonly string[], signal: AbortSignal, where: string): Promise<{ entities: AffectedEntity[]; truncated: boolean }> {
  const entities: AffectedEntity[] = [];
  let truncated = false;
  for (const batch of batchesOfTen(eventArns)) {
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await callHealth(where, signal, () => client.send(new DescribeAffectedEntitiesCommand({ filter: { eventArns: batch }, maxResults: 100, ...(nextToken ? { nextToken } : {}) }), { abortSignal: signal }));
      entities.push(...(page.entities ?? []));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken && pages < MAX_ENTITY_PAGES);
    if (nextToken) truncated = true;
  }
  return { entities, truncated };
}

/** The latest description of each event (DescribeEventDetails takes ten ARNs a call); events Health could not describe are left out. */
export async function describeDetails(client: HealthClient, eventArns: readonly string[], signal: AbortSignal, where: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const batch of batchesOfTen(eventArns)) {
    const page = await callHealth(where, signal, () => client.send(new DescribeEventDetailsCommand({ eventArns: batch }), { abortSignal: signal }));
    for (const d of page.successfulSet ?? []) {
      const arn = d.event?.arn;
      const text = d.eventDescription?.latestDescription;
      if (arn && typeof text === 'string' && text.trim()) out.set(arn, text.trim());
    }
  }
  return out;
}

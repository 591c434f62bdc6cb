import { CloudTrailClient, LookupEventsCommand, type Event } from '@aws-sdk/client-cloudtrail';
import { callAws, clientsByRegion } from '../../shared/aws-client.js';

/** One CloudTrail client per region, kept for the life of the container. */
export const cloudtrailFor = clientsByRegion((region, config) => new CloudTrailClient({ region, ...config }));

/** Pages per event name and in all (50 events a page): a busy hour of deploys fits well inside. */
export const MAX_PAGES_PER_NAME = 4;
export const MAX_PAGES = 30;

export interface Lookup {
  events: Event[];
  pages: number;
  /** Event names whose pages ran past the bound, or that were not read at all. */
  truncated: string[];
}

/**
 * LookupEvents by event name, one name at a time (the API takes one lookup attribute),
 * paced to stay under its 2 requests per second per account and region.
 */
export async function lookupEvents(
  client: CloudTrailClient,
  input: { names: readonly string[]; start: Date; end: Date; intervalMs: number },
  signal: AbortSignal,
  where: string,
): Promise<Lookup> {
  const out: Lookup = { events: [], pages: 0, truncated: [] };
  let last = 0;
  for (const name of input.names) {
    if (out.pages >= MAX_PAGES) {
      out.truncated.push(name);
      continue;
    }
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const wait = last + input.intervalMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      last = Date.now();
      const page = await callAws(where, signal, () =>
        client.send(
          new LookupEventsCommand({
            LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: name }],
            StartTime: input.start,
            EndTime: input.end,
            MaxResults: 50,
            ...(nextToken ? { NextToken: nextToken } : {}),
          }),
          { abortSignal: signal },
        ),
      );
      out.events.push(...(page.Events ?? []));
      nextToken = page.NextToken;
      pages++;
      out.pages++;
    } while (nextToken && pages < MAX_PAGES_PER_NAME && out.pages < MAX_PAGES);
    if (nextToken) out.truncated.push(name);
  }
  return out;
}

import type { ChangeEvent, EvidencePlan, ProviderQuery } from '../../contracts/index.js';
import { describeAwsQuery, parseOptions, regionOf, serviceEndpoint } from '../../shared/aws-client.js';
import { fitPointEvents, listSome } from '../../shared/point-events.js';
import type { EvidenceProvider, ProviderFindings } from '../types.js';
import { cloudtrailFor, lookupEvents, MAX_PAGES } from './client.js';
import { authorOf, parseEvent } from './normalize.js';
import { CloudTrailOptions } from './options.js';
import { describeRequest, eventLink, serviceFor, translate, type CloudTrailRequest } from './translate.js';

/*
 * AWS CloudTrail: the management events that change a service (Lambda code, versions,
 * aliases and configuration; ECS services and task definitions; SSM parameters; AppConfig
 * deployments; CloudFormation stacks; Auto Scaling groups) as change evidence.
 */

/** CloudTrail delivers events about five minutes after the call. */
const DELIVERY_DELAY_MS = 5 * 60_000;

function query(plan: EvidencePlan, request: CloudTrailRequest, region: string): ProviderQuery {
  return { text: describeRequest(plan, request), target: serviceEndpoint('cloudtrail', region), window: plan.window };
}

/**
 * The provider, its LookupEvents calls spaced `intervalMs` apart: CloudTrail allows two
 * per second per account and region, and the console and other tools share that budget.
 */
export function createCloudTrailProvider({ intervalMs }: { intervalMs: number }): EvidenceProvider {
  return {
    type: 'cloudtrail',
    classes: ['changes'],
    describe(plan) {
      return describeAwsQuery(plan, CloudTrailOptions, 'CloudTrail LookupEvents', 'cloudtrail', (options, region) => query(plan, translate(plan, options), region));
    },
    async query(plan, deps): Promise<ProviderFindings> {
      const options = parseOptions(CloudTrailOptions, plan.backend);
      const region = regionOf(plan.backend);
      const request = translate(plan, options);
      const asked = query(plan, request, region);
      const client = cloudtrailFor(region, options.roleArn, plan.tenantId);
      const window = { start: new Date(plan.window.from), end: new Date(plan.window.to) };
      const lookup = await lookupEvents(client, { names: request.names, ...window, intervalMs }, deps.signal, `CloudTrail LookupEvents in ${region}`);

      const items: ChangeEvent[] = [];
      const seen = new Set<string>();
      let unmatched = 0;
      for (const event of lookup.events) {
        const parsedEvent = parseEvent(event);
        const id = event.EventId ?? '';
        if (!parsedEvent || seen.has(id)) continue;
        seen.add(id);
        const service = serviceFor(request, parsedEvent.parsed.resources);
        if (!service) {
          unmatched++;
          continue;
        }
        const { kind, summary, version, previousVersion } = parsedEvent.parsed;
        const author = authorOf(parsedEvent.record) ?? event.Username;
        const at = event.EventTime ?? new Date(parsedEvent.record.eventTime ?? Number.NaN);
        if (Number.isNaN(at.getTime())) continue;
        items.push({
          class: 'changes',
          at: at.toISOString(),
          service,
          kind,
          summary,
          ...(version ? { version: version.slice(0, 200) } : {}),
          ...(previousVersion ? { previousVersion: previousVersion.slice(0, 200) } : {}),
          ...(author ? { author: author.slice(0, 200) } : {}),
          source: 'cloudtrail',
          ...(id ? { link: eventLink(region, id) } : {}),
        });
      }

      const notes: string[] = [];
      if (lookup.truncated.length > 0) notes.push(`stopped after ${lookup.pages} LookupEvents pages (limit ${MAX_PAGES}); not all events read for ${listSome(lookup.truncated)}`);
      if (unmatched > 0) notes.push(`${unmatched} change events touched resources of no planned service (map resources to services in options.services)`);
      if (Date.now() - Date.parse(plan.window.to) < DELIVERY_DELAY_MS) notes.push('CloudTrail delivers events about 5 minutes after the call: the last minutes of the window may be missing');
      const fitted = fitPointEvents(items, plan, 'changes');
      return { query: asked, items: fitted.items, notes: [...fitted.notes, ...notes].map((n) => n.slice(0, 500)).slice(0, 20) };
    },
  };
}

/** The provider for backend type `cloudtrail`. */
export const cloudtrailProvider = createCloudTrailProvider({ intervalMs: 500 });

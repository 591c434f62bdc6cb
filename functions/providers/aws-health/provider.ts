import type { Event } from '@aws-sdk/client-health';
import type { EvidencePlan, ProviderQuery, RelatedAlert } from '../../contracts/index.js';
import { describeAwsQuery, parseOptions, regionOf, serviceEndpoint } from '../../shared/aws-client.js';
import { listSome } from '../../shared/point-events.js';
import { fitToBudget } from '../shared/budget.js';
import type { EvidenceProvider, ProviderFindings } from '../types.js';
import { describeDetails, describeEntities, describeEvents, healthEndpointRegion, healthFor, HealthSubscriptionRequiredError, MAX_EVENT_PAGES, MAX_EVENTS } from './client.js';
import { alertsOf, entityNames, servicesOf } from './normalize.js';
import { AwsHealthOptions } from './options.js';
import { describeRequest, eventLink, translate, type HealthRequest } from './translate.js';

/*
 * AWS Health: what AWS itself says about its services in the account's regions (an
 * operational issue on DynamoDB, a degraded host under an RDS instance, an EC2 zone's
 * connectivity) as related alerts on the services they touched. Account-wide evidence:
 * read for every investigation, whatever service alerted.
 */

function query(plan: EvidencePlan, request: HealthRequest, endpoint: string): ProviderQuery {
  return { text: describeRequest(request), target: serviceEndpoint('health', endpoint), window: plan.window };
}

const startOf = (e: Event) => (e.startTime instanceof Date ? e.startTime.getTime() : Number.NaN);
const endOf = (e: Event) => (e.endTime instanceof Date ? e.endTime.getTime() : Infinity);

export const awsHealthProvider: EvidenceProvider = {
  type: 'aws-health',
  classes: ['alerts'],
  describe(plan) {
    return describeAwsQuery(plan, AwsHealthOptions, 'AWS Health DescribeEvents', 'health', (options, region) => query(plan, translate(plan, options, region), healthEndpointRegion(region)));
  },
  async query(plan, deps): Promise<ProviderFindings> {
    const options = parseOptions(AwsHealthOptions, plan.backend);
    const region = regionOf(plan.backend);
    const endpoint = healthEndpointRegion(region);
    const request = translate(plan, options, region);
    const asked = query(plan, request, endpoint);
    const client = healthFor(endpoint, options.roleArn, plan.tenantId);
    const where = `AWS Health in ${endpoint}`;
    const alertAtMs = Date.parse(plan.alertAt);
    try {
      const listed = await describeEvents(client, request.filter, deps.signal, `${where} DescribeEvents`);
      // Active during the window, the nearest the alert first.
      const active = listed.events
        .filter((e) => e.arn && !Number.isNaN(startOf(e)) && startOf(e) <= request.window.toMs && endOf(e) >= request.window.fromMs)
        .sort((a, b) => Math.abs(startOf(a) - alertAtMs) - Math.abs(startOf(b) - alertAtMs));
      const read = active.slice(0, MAX_EVENTS);
      const arns = read.map((e) => e.arn!);
      const { entities, truncated: entitiesTruncated } = arns.length > 0 ? await describeEntities(client, arns, deps.signal, `${where} DescribeAffectedEntities`) : { entities: [], truncated: false };
      const details = arns.length > 0 ? await describeDetails(client, arns, deps.signal, `${where} DescribeEventDetails`) : new Map<string, string>();

      const namesByEvent = new Map<string, string[]>();
      let malformed = 0;
      for (const entity of entities) {
        const names = entityNames(entity);
        if (!entity.eventArn || !names) {
          malformed++;
          continue;
        }
        namesByEvent.set(entity.eventArn, [...(namesByEvent.get(entity.eventArn) ?? []), ...names]);
      }
      const items: RelatedAlert[] = [];
      for (const event of read) {
        const owners = servicesOf(namesByEvent.get(event.arn!) ?? [], request.services);
        items.push(...(alertsOf(event, owners, details.get(event.arn!), alertAtMs, eventLink(event.arn!)) ?? []));
      }

      const notes: string[] = [];
      if (listed.truncated) notes.push(`stopped after ${MAX_EVENT_PAGES} DescribeEvents pages; older events were not read`);
      if (active.length > read.length) notes.push(`${active.length} Health events were active; the ${MAX_EVENTS} nearest the alert were read`);
      if (entitiesTruncated) notes.push('some events affect more entities than were read; services owning the rest may be missing');
      if (malformed > 0) notes.push(`${malformed} affected entities had no usable id and were skipped`);
      const unowned = [...new Set(items.filter((i) => !request.services.has(i.service)).map((i) => i.service))];
      if (unowned.length > 0) notes.push(`events whose entities no service owns are reported on the AWS service (${listSome(unowned)}); map resources to services in options.services`);
      const fitted = fitToBudget(items.map((item) => ({ item, priority: -Math.abs(Date.parse(item.at) - alertAtMs) })), plan.limits.maxBytes, 'Health events', 'those nearest the alert', plan.limits.maxItems);
      const kept = new Set(fitted.items);
      return { query: asked, items: items.filter((i) => kept.has(i)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at)), notes: [...fitted.notes, ...notes].map((n) => n.slice(0, 500)).slice(0, 20) };
    } catch (error) {
      if (!(error instanceof HealthSubscriptionRequiredError)) throw error;
      return { query: asked, items: [], notes: [`backend cannot serve: ${error.message}`.slice(0, 500)] };
    }
  },
};

import type { EventFilter } from '@aws-sdk/client-health';
import type { EvidencePlan } from '../../contracts/index.js';
import type { AwsHealthOptions } from './options.js';

/*
 * Canonical plan → DescribeEvents: every open or closed issue, scheduled change and
 * investigation that started before the window ended (up to `lookbackHours` before it
 * began), in the tenant's regions. Health is account-wide evidence: the plan's services
 * name what the events touched, they do not narrow what is read.
 */

export interface HealthRequest {
  filter: EventFilter;
  window: { fromMs: number; toMs: number };
  /** Service → the resource patterns that tie an affected entity to it, the planned services first. */
  services: Map<string, string[]>;
}

/** Event categories that can be an incident's cause; account notifications (billing, policy) cannot. */
export const CAUSAL_CATEGORIES = ['issue', 'scheduledChange', 'investigation'] as const;

export function translate(plan: EvidencePlan, options: AwsHealthOptions, region: string): HealthRequest {
  const fromMs = Date.parse(plan.window.from);
  const toMs = Date.parse(plan.window.to);
  const regions = options.regions ?? [region, 'global'];
  const filter: EventFilter = {
    startTimes: [{ from: new Date(fromMs - options.lookbackHours * 3_600_000), to: new Date(toMs) }],
    eventStatusCodes: ['open', 'closed'],
    eventTypeCategories: [...CAUSAL_CATEGORIES],
    regions: [...new Set(regions)],
    ...(options.awsServices ? { services: [...new Set(options.awsServices)] } : {}),
  };
  const named = [...new Set([...(plan.focusService ? [plan.focusService] : []), ...plan.services, ...Object.keys(options.services)])];
  const services = new Map(named.map((s) => [s, options.services[s] ?? [s]]));
  return { filter, window: { fromMs, toMs }, services };
}

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

export function describeRequest(request: HealthRequest): string {
  const f = request.filter;
  const text = `AWS Health DescribeEvents ${f.eventTypeCategories?.join('/')} events ${f.eventStatusCodes?.join(' or ')} in ${f.regions?.join(', ')}${f.services ? ` for ${f.services.join(', ')}` : ''} active over ${hhmm(request.window.fromMs)}–${hhmm(request.window.toMs)}Z, with their affected entities`;
  return text.length > 4000 ? `${text.slice(0, 3997)}...` : text;
}

/** The AWS Health console page of one event. */
export function eventLink(eventArn: string): string {
  return `https://health.aws.amazon.com/health/home#/account/event-log?eventID=${encodeURIComponent(eventArn)}&eventTab=details`;
}

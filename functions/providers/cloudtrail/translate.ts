import type { EvidencePlan } from '../../contracts/index.js';
import { consoleOrigin } from '../../shared/aws-console.js';
import { plannedServices } from '../../shared/point-events.js';
import { EVENT_KINDS, type CloudTrailOptions, type EventName } from './options.js';

/*
 * Canonical plan → LookupEvents: the event names to read over the window, and for each
 * planned service the resource names that tie an event to it.
 */

export interface CloudTrailRequest {
  names: EventName[];
  /** Planned service → its resource patterns. */
  services: Map<string, string[]>;
}

export function translate(plan: EvidencePlan, options: CloudTrailOptions): CloudTrailRequest {
  const names = options.eventNames ?? (Object.keys(EVENT_KINDS) as EventName[]);
  const services = new Map(plannedServices(plan, Object.keys(options.services)).map((s) => [s, options.services[s] ?? [s]]));
  return { names: [...new Set(names)], services };
}

const matches = (pattern: string, resource: string) => (pattern.endsWith('*') ? resource.startsWith(pattern.slice(0, -1)) : resource === pattern);

/** The planned service an event's resources belong to, the first listed winning. */
export function serviceFor(request: CloudTrailRequest, resources: readonly string[]): string | undefined {
  for (const [service, patterns] of request.services) if (patterns.some((p) => resources.some((r) => matches(p, r)))) return service;
  return undefined;
}

/** The CloudTrail console page of one event. */
export function eventLink(region: string, eventId: string): string {
  return `${consoleOrigin(region)}/cloudtrail/home?region=${region}#/events/${encodeURIComponent(eventId)}`;
}

const hhmm = (iso: string) => iso.slice(11, 16);

export function describeRequest(plan: EvidencePlan, request: CloudTrailRequest): string {
  const services = [...request.services].map(([s, p]) => (p.length === 1 && p[0] === s ? s : `${s} (${p.join(', ')})`));
  const text = `CloudTrail LookupEvents EventName in ${request.names.join(', ')} over ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}Z, for ${services.join('; ') || '(no service)'}`;
  return text.length > 4000 ? `${text.slice(0, 3997)}...` : text;
}

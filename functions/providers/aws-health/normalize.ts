import type { AffectedEntity, Event } from '@aws-sdk/client-health';
import type { RelatedAlert } from '../../contracts/index.js';
import { clip } from '../../shared/point-events.js';

/*
 * A Health event and its affected entities → related alerts, one per service it touched:
 * the tenant's service owning an affected resource, else the AWS service itself.
 */

/** The `source` every item of this provider carries: the scorer reads it as the platform's own word. */
export const HEALTH_SOURCE = 'aws.health';

/** Health's "the whole account or service" placeholder entities, which name no resource. */
const PLACEHOLDER = /^(AWS_ACCOUNT|UNKNOWN|[0-9]{12})$/;

/**
 * The names an entity value may go by: the value itself, and for an ARN or a URL its
 * resource name (`arn:aws:dynamodb:…:table/orders` → `orders`, an SQS queue URL → the
 * queue). None for Health's account-wide placeholder; undefined for a value that is no
 * usable name (absent, not a string, blank, too long, with spaces).
 */
export function entityNames(entity: AffectedEntity): string[] | undefined {
  const value: unknown = entity.entityValue;
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (!v || v.length > 1224 || /\s/.test(v)) return undefined;
  if (PLACEHOLDER.test(v)) return [];
  const tail = v.slice(Math.max(v.lastIndexOf('/'), v.startsWith('arn:') ? v.lastIndexOf(':') : -1) + 1);
  return tail && tail !== v ? [v, tail] : [v];
}

const matches = (pattern: string, name: string) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern);

/** The services owning an event's entities, in the order the request lists them. */
export function servicesOf(names: readonly string[], services: ReadonlyMap<string, string[]>): string[] {
  return [...services].filter(([, patterns]) => patterns.some((p) => names.some((n) => matches(p, n)))).map(([s]) => s);
}

/** Health's service code as a dependency's name: `DYNAMODB` → `dynamodb`, `ELASTICLOADBALANCING` → `elasticloadbalancing`. */
export const awsServiceName = (code: string) => code.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'aws';

/** An event's first sentence, for the alert's name. */
const headline = (description: string | undefined) => (description ? description.split(/(?<=[.!?])\s|\n/)[0]!.trim() : '');

/**
 * The related alerts an event is: firing when it was open at the alert (still open, or
 * closed after it), resolved when it was over before; named with its type, region and
 * zone, and the first words of its description. Undefined for an event without ARN,
 * type or start.
 */
export function alertsOf(event: Event, services: readonly string[], description: string | undefined, alertAtMs: number, link: string): RelatedAlert[] | undefined {
  const start = event.startTime instanceof Date ? event.startTime.getTime() : Number.NaN;
  if (!event.arn || !event.eventTypeCode || Number.isNaN(start)) return undefined;
  const end = event.endTime instanceof Date ? event.endTime.getTime() : undefined;
  const firing = event.statusCode === 'open' || end === undefined || end >= alertAtMs;
  const where = [event.region, event.availabilityZone].filter(Boolean).join(' ');
  const said = headline(description);
  const name = clip(`AWS Health: ${event.eventTypeCode}${where ? ` ${where}` : ''}${said ? ` (${said})` : ''}`, 300);
  const owners = services.length > 0 ? services : [awsServiceName(event.service ?? event.eventTypeCode.split('_')[1] ?? 'aws')];
  return owners.map((service) => ({ class: 'alerts' as const, at: new Date(start).toISOString(), service, name, status: firing ? ('firing' as const) : ('resolved' as const), source: HEALTH_SOURCE, link }));
}

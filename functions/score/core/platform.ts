import type { ChangeEvent, RelatedAlert } from '../../contracts/index.js';
import { namesService } from './logs.js';
import { callersOf } from './propagation.js';
import { CLEAR_STRENGTH, type Evidence, type Signal, type SignalFamily } from './types.js';
import { WEIGHTS, type Weights } from './weights.js';

/** Runtime evidence that a platform piece is in trouble: its node under pressure, its pods evicted, or its CPU throttled (a resolver starved of CPU answers no one). */
const PLATFORM_TROUBLE: readonly SignalFamily[] = ['runtime_node', 'runtime_throttle'];
/** Errors whose own words can carry the platform's signature (a DNS lookup that timed out, a bad certificate). */
const FAILURE: readonly SignalFamily[] = ['log_error', 'exception'];
/** A service that started failing this long after the platform's trouble is too late to be explained by it. */
const VICTIM_WINDOW_MS = 20 * 60_000;

/** Runtime trouble of a service's own hosts: a node lost, pods evicted or failing their checks. */
const HOST_TROUBLE: readonly SignalFamily[] = ['runtime_node', 'runtime_other', 'runtime_crash'];

/**
 * Whether a service's signal is the platform's trouble reaching it: an error whose own
 * words carry the platform's signature (a lookup that timed out), its pods evicted from
 * their nodes, or its hosts failing in words that name the platform piece (`nodes in
 * pdx04 NotReady`, `primary db-0 (pdx04) unreachable`).
 */
function feltPlatform(s: Signal, platform: string): boolean {
  if (FAILURE.includes(s.family)) return s.hint === 'infrastructure';
  if (s.family === 'runtime_node') return true;
  return HOST_TROUBLE.includes(s.family) && namesService(s.raw ?? s.text, platform);
}

/** Failures a service's own requests show (its error rate, failing spans that start in it): how a tenant feels its nodes' network going, whatever words it uses. */
const failedOnItsOwn = (s: Signal) => (s.family === 'errors' || s.family === 'error_origin') && s.strength >= CLEAR_STRENGTH;

/** Every service on a call of the graph, as a caller or a callee: a piece the topology lists with no call in or out is not on any. */
export function graphServices(graph: Map<string, Set<string>>): Set<string> {
  const out = new Set<string>();
  for (const [caller, callees] of graph) {
    if (callees.size > 0) out.add(caller);
    for (const c of callees) out.add(c);
  }
  return out;
}

/**
 * Dependencies we have no telemetry of whose every caller is a victim of the platform:
 * all we know of them is what those callers' calls recorded (client spans that failed or
 * waited), and those calls went through the same failing platform (the lookup of the
 * dependency's name that timed out), so their trouble is the platform's as much as the
 * callers' is. Each gets an edge to the platform, so propagation can read it as a victim
 * too. Without `observed` there is no telling what we see only through callers.
 */
function reachedOnlyThrough(victims: readonly string[], graph: Map<string, Set<string>>, observed: ReadonlySet<string> | undefined): string[] {
  if (!observed) return [];
  const callers = new Map<string, string[]>();
  for (const [caller, callees] of graph) for (const c of callees) callers.set(c, [...(callers.get(c) ?? []), caller]);
  const out = new Set<string>();
  for (const v of victims) {
    for (const d of graph.get(v) ?? []) if (!observed.has(d) && !victims.includes(d) && callers.get(d)!.every((c) => victims.includes(c))) out.add(d);
  }
  return [...out].sort();
}

/** Hosts taken out of service (evicted, under pressure, failing their checks), as opposed to a process that crashed on its own. */
const HOSTS_OUT: readonly SignalFamily[] = ['runtime_node', 'runtime_other'];

/** Whether a signal is a host taken out of service in words that name `piece` as where it ran. */
const hostOutIn = (s: Signal, piece: string) => HOSTS_OUT.includes(s.family) && namesService(s.raw ?? s.text, piece);

/**
 * Off-graph pieces we have telemetry of (a capacity provider, a node group, a data
 * centre) that the host trouble of `minVictims` or more services of the graph names as
 * where it happened ("task on ip-10-8-3-41 (ecs-capacity-b) failed its health checks"),
 * with when the first of it began: services whose hosts fail in the same place at once
 * share that place, as they would a node under pressure. When the piece reported no
 * trouble of its own, those hosts are all we see of it: they are its own units, so their
 * trouble is its own evidence (what else its tenants felt of it stays a symptom on it).
 */
function namedByHosts(signals: readonly Signal[], inGraph: ReadonlySet<string>, observed: ReadonlySet<string> | undefined, w: Weights): Map<string, number> {
  const out = new Map<string, number>();
  for (const piece of [...(observed ?? [])].filter((o) => !inGraph.has(o)).sort()) {
    const named = signals.filter((s) => inGraph.has(s.service) && hostOutIn(s, piece));
    if (new Set(named.map((s) => s.service)).size >= w.platform.minVictims) out.set(piece, Math.min(...named.map((s) => s.onsetMs)));
  }
  return out;
}

/**
 * An alert on a piece saying the units that run on it went away: instances rebooted or
 * failing to start, hosts or virtual machines down or unreachable (`Provider status: all
 * instances rebooted`, a cloud's status feed, a hypervisor cluster's own alert).
 */
const UNITS_WENT = /\b(?:instances?|hosts?|vms?|virtual machines?|nodes?)\b[^.;:]{0,40}\b(?:rebooted|restarted|failing to start|failed to start|not starting|unreachable|powered (?:off|down)|went down)\b/i;

/** A firing alert on a piece whose words say the units on it went away (`UNITS_WENT`), with when it fired. */
function unitsReportedGone(signals: readonly Signal[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of signals) if (s.family === 'related_alert' && UNITS_WENT.test(s.raw ?? s.text)) out.set(s.service, Math.min(out.get(s.service) ?? Infinity, s.onsetMs));
  return out;
}

/**
 * Cluster infrastructure (DNS, an ingress controller, a node agent) is rarely in the
 * call graph, or listed in it with no calls in or out, yet every service leans on it. An
 * off-graph service whose node came under pressure, whose pods were evicted or whose CPU
 * was throttled (or that the failing hosts of several services name as where they ran,
 * `namedByHosts`), followed within minutes by failures in two
 * or more services of the graph whose own words name the platform (DNS lookups that
 * time out, TLS handshakes that fail), is what those services share: each such service
 * gets an edge to it, so propagation can read the service as its victim, and each
 * failure becomes a symptom on it at full strength, since the words say the platform
 * failed (a lookup that timed out is DNS failing), not the service that logged them.
 * The platform's own runtime trouble stays its local evidence. A single service's
 * platform errors may be its own; errors that began before the platform's trouble are
 * not its doing. A dependency we see only through calls the victims made is a victim
 * too (`reachedOnlyThrough`). A piece whose own alert says the units on it went away
 * (`unitsReportedGone`: a provider's status feed saying all instances rebooted), listed
 * in the topology or not, is the platform under the services that lost their hosts
 * together (`runtime_node`) in the minutes before the report or soon after it (a status
 * report follows the impact it describes): those hosts are its own units, so their loss
 * is its own evidence, and it is returned in `units`, a piece we see through our own
 * units, not a dependency seen only through its callers. An off-graph piece whose own
 * units went out of service (a cluster's nodes whose network became unavailable) is the
 * platform under the services whose own requests began to fail with it
 * (`failedOnItsOwn`), whatever their errors say, once more of them failed at once than
 * words-tied victims need: only the timing ties them to it, and three services failing
 * in their own code in the same minutes is not three defects. Linear in signals times
 * pieces in trouble.
 */
export function platformLinks(signals: readonly Signal[], graph: Map<string, Set<string>>, toleranceMs: number, w: Weights = WEIGHTS, observed?: ReadonlySet<string>): { edges: Record<string, string[]>; signals: Signal[]; units: Set<string> } {
  const inGraph = graphServices(graph);
  const troubleAt = new Map<string, number>();
  for (const s of signals) {
    if (inGraph.has(s.service) || !PLATFORM_TROUBLE.includes(s.family)) continue;
    troubleAt.set(s.service, Math.min(troubleAt.get(s.service) ?? Infinity, s.onsetMs));
  }
  const namedOnly = new Set<string>();
  for (const [piece, at] of namedByHosts(signals, inGraph, observed, w)) {
    if (troubleAt.has(piece)) continue;
    troubleAt.set(piece, at);
    namedOnly.add(piece);
  }
  const nodesOut = new Set<string>();
  for (const s of signals) {
    if (inGraph.has(s.service) || s.family !== 'units_lost' || !s.local || s.strength < CLEAR_STRENGTH || troubleAt.has(s.service)) continue;
    nodesOut.add(s.service);
  }
  for (const s of signals) if (nodesOut.has(s.service) && s.family === 'units_lost') troubleAt.set(s.service, Math.min(troubleAt.get(s.service) ?? Infinity, s.onsetMs));
  const reportedOnly = new Set<string>();
  for (const [piece, at] of unitsReportedGone(signals)) {
    if (troubleAt.has(piece)) continue;
    troubleAt.set(piece, at);
    reportedOnly.add(piece);
  }
  const edges: Record<string, string[]> = {};
  const out: Signal[] = [];
  const units = new Set<string>();
  for (const [platform, at] of [...troubleAt].sort(([a], [b]) => a.localeCompare(b))) {
    const reported = reportedOnly.has(platform);
    const felt = (s: Signal) => (reported ? s.family === 'runtime_node' : nodesOut.has(platform) ? failedOnItsOwn(s) : feltPlatform(s, platform));
    const failures = signals.filter((s) => inGraph.has(s.service) && s.service !== platform && felt(s) && s.onsetMs >= at - (reported ? VICTIM_WINDOW_MS : toleranceMs) && s.onsetMs <= at + VICTIM_WINDOW_MS);
    const victims = [...new Set(failures.map((s) => s.service))].sort();
    if (victims.length < w.platform.minVictims + (nodesOut.has(platform) ? 1 : 0)) continue;
    if (reported) units.add(platform);
    for (const v of victims) (edges[v] ??= []).push(platform);
    for (const d of reachedOnlyThrough(victims, graph, observed)) (edges[d] ??= []).push(platform);
    for (const s of failures) {
      const itsHost = (namedOnly.has(platform) && hostOutIn(s, platform)) || reported;
      out.push({ service: platform, family: 'dependency_mention', strength: s.strength, onsetMs: s.onsetMs, evidenceId: s.evidenceId, local: itsHost, hint: 'infrastructure', text: `${platform}'s trouble reached ${s.service}: ${s.text}`.slice(0, 300) });
    }
  }
  return { edges, signals: out, units };
}

/**
 * Where the platform's own word comes from: the AWS Health provider's `source`
 * (`aws.health`), or an alert or change that says it is a cloud's health feed (AWS Health,
 * Google Cloud or Azure Service Health) or a managed service's own event notification
 * (`ElastiCache event: Failover from primary node …`, an RDS or Cloud SQL event).
 */
const HEALTH_SOURCE = /^aws[._ -]?health$/i;
const HEALTH_WORDS = /^\W*(?:(?:AWS|GCP|Google Cloud|Azure)(?: Service)? Health\b|(?:ElastiCache|MemoryDB|RDS|Aurora|DocumentDB|Neptune|Redshift|OpenSearch|MSK|Cloud ?SQL|Memorystore|Cosmos ?DB) event:)/i;
/**
 * A third party's own status report relayed as an alert: its status page or status feed
 * (`Provider status: …`, `Registrar status: …`, `PSP status page: …`). Like a cloud's
 * health feed, it is the provider's word that the piece it runs is impaired: the only
 * telemetry a dependency we do not run has.
 */
const STATUS_WORDS = /^\W*(?:[a-z][\w.&-]*\s+){0,3}status(?:\s+page)?\s*:/i;
/** An event type or description saying the service itself is impaired (`AWS_DYNAMODB_OPERATIONAL_ISSUE`, increased error rates), not a host or zone under a resource. */
const SERVICE_ISSUE = /_OPERATIONAL_ISSUE\b|_SERVICE_ISSUE\b|\b(increased|elevated) (api )?(error rates?|errors|latenc(y|ies))\b/i;
/**
 * An event type (`AWS_<SERVICE>_<DESCRIPTION>`) of the compute, storage and network
 * services everything else runs on: instances, volumes, the VPC and its gateways, load
 * balancers, private links. Their issue is the platform under the resource it is reported
 * on (a database on instances whose zone lost connectivity), not that resource's own
 * service failing, whatever the description says of error rates.
 */
const PLATFORM_SERVICE = /\bAWS_(?:EC2|EBS|VPC|VPN|DIRECTCONNECT|NATGATEWAY|TRANSITGATEWAY|ELASTICLOADBALANCING|ELB|PRIVATELINK)_/i;
/**
 * A report that the managed service's own nodes failed or were taken away by its provider
 * (a failover, a node replaced or recovering, maintenance in progress on it): what the
 * team calls is the provider's to run, so its failing is a dependency failing. Unless the
 * words put the fault in a host, zone or volume under it (`a degraded host underlies your
 * DB instance`), which is the infrastructure under it, as `PLATFORM_SERVICE` is.
 */
const OWN_NODES = /fail[\s_-]?over|(?<![a-z])node[\s_-]?replacement(?![a-z])|\bnodes? (?:\S+ )?(?:failed|replaced|recover)|\brecovering cache nodes?\b|maintenance (?:is )?in progress/i;
const UNDER_IT = /\bunderl(?:ying|ies)\b|\bhosts?\b|\b(?:availability )?zone\b|\b[a-z]{2,4}\d-az\d\b|\bvolume\b|\bpower\b/i;

/**
 * Whether a platform report puts the fault in the machines it runs for us: its instances
 * failing to start or rebooted, a host, zone, volume or power under them. A provider that
 * says so reports the compute under the tenant (infrastructure), even when we see that
 * provider only through its report.
 */
export const namesMachinesUnder = (words: string) => UNDER_IT.test(words) || /\binstances?\b/i.test(words);

/** The families whose signals, on the service or a caller of it, say the platform's event reached the tenant. */
const FELT_FAMILIES: readonly SignalFamily[] = ['errors', 'error_origin', 'log_error', 'exception', 'latency', 'self_time', 'inbound_latency', 'outbound_latency', 'runtime_crash', 'runtime_node', 'runtime_other', 'dependency_mention', 'log_vanished', 'traffic_down'];

/** The platform's own report on one of its services: an AWS Health event, delivered as a related alert or as a change. */
export function platformReport(item: Evidence): { service: string; atMs: number; words: string } | undefined {
  if (item.class === 'alerts') {
    const a = item as RelatedAlert;
    if (a.status === 'firing' && (HEALTH_SOURCE.test(a.source ?? '') || HEALTH_WORDS.test(a.name) || STATUS_WORDS.test(a.name))) return { service: a.service, atMs: Date.parse(a.at), words: a.name };
  } else if (item.class === 'changes') {
    const c = item as ChangeEvent;
    if (HEALTH_SOURCE.test(c.source ?? '') || HEALTH_WORDS.test(c.summary)) return { service: c.service, atMs: Date.parse(c.at), words: c.summary };
  }
  return undefined;
}

/** An error naming a managed service the way SDKs do: `DynamoDB`, `Service: DynamoDb`, `AmazonKinesis`, `aws-sqs`. */
const namesManaged = (text: string, service: string) => new RegExp(`(^|[^a-z0-9])(amazon|aws[ -]?)?${service.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z0-9]|$)`, 'i').test(text);

/**
 * What the platform says about its own services, as evidence on the service it names.
 * AWS Health reporting an operational issue on a service (DynamoDB's error rates) is
 * positive evidence that the dependency failed, not code of ours, and so is the provider
 * failing over or replacing a managed service's own nodes (`OWN_NODES`); a host, zone or
 * maintenance event under a resource is the infrastructure under it. Either is local
 * evidence on that service, on the same scale as every other, only where it was felt:
 * the service itself failed or slowed (its own metrics, or its callers' spans into it),
 * or its callers' failures name it (`Service: DynamoDb`). A caller merely failing is not
 * enough: its own release may have broken it while an unrelated Health event was open. A
 * service whose errors name the reported one is its caller even where the topology does
 * not list that managed service, and gets an edge to it, so propagation can read it as a
 * victim. An account's Health feed holds events nobody felt (another region's issue, a
 * service the failing path never calls), and those stay a weak note. A piece with no
 * telemetry of its own (a third party, a transit gateway: `observed` lacks it) can show
 * its trouble only through its callers, so a listed caller failing is its report felt;
 * and since a provider posts its status after the impact began, the onset of what those
 * callers felt dates it. Linear in signals times reports.
 */
export function platformEventSignals(evidence: readonly Evidence[], signals: readonly Signal[], graph: Map<string, Set<string>>, w: Weights = WEIGHTS, observed: ReadonlySet<string> = new Set()): { edges: Record<string, string[]>; signals: Signal[] } {
  const { felt: sure, unfelt, feltStrength } = w.platform;
  const felt = new Set(signals.filter((s) => FELT_FAMILIES.includes(s.family) && s.strength >= sure).map((s) => s.service));
  const edges: Record<string, string[]> = {};
  const namedBy = new Map<string, Set<string>>();
  const out: Signal[] = [];
  for (const item of evidence) {
    const report = platformReport(item);
    if (!report || Number.isNaN(report.atMs)) continue;
    const listed = callersOf(graph, report.service);
    const namers = [...new Set(signals.filter((s) => FAILURE.includes(s.family) && s.strength >= sure && s.service !== report.service && namesManaged(s.raw ?? s.text, report.service)).map((s) => s.service))];
    for (const c of namers) namedBy.set(c, (namedBy.get(c) ?? new Set()).add(report.service));
    const naming = namers.filter((c) => !listed.includes(c)).sort();
    for (const caller of naming) if (!edges[caller]?.includes(report.service)) (edges[caller] ??= []).push(report.service);
    const unseen = !observed.has(report.service);
    const feltBy = [...naming, ...listed].filter((c) => felt.has(c) && (unseen || naming.includes(c) || namedBy.get(c)?.has(report.service)));
    const reached = felt.has(report.service) || feltBy.length > 0;
    // A provider posts its status after the impact began: for a piece with no telemetry of its own, the callers that felt it date it.
    const feltAtMs = unseen ? Math.min(report.atMs, ...signals.filter((s) => feltBy.includes(s.service) && FELT_FAMILIES.includes(s.family) && s.strength >= sure).map((s) => s.onsetMs)) : report.atMs;
    const hint = (SERVICE_ISSUE.test(report.words) || (OWN_NODES.test(report.words) && !UNDER_IT.test(report.words))) && !PLATFORM_SERVICE.test(report.words) ? 'dependency_failure' : 'infrastructure';
    out.push({ service: report.service, family: 'platform_event', strength: reached ? feltStrength : unfelt, onsetMs: feltAtMs, evidenceId: item.id, local: reached, hint, text: `the platform reports ${report.service} impaired: ${report.words}`.slice(0, 300), raw: report.words.slice(0, 200) });
  }
  return { edges, signals: out };
}

/**
 * Services the platform itself reports impaired (an operational issue, felt by the
 * tenant), each with the platform's words: whatever fails in them is a dependency
 * failing, not a defect of ours.
 */
export function reportedImpaired(signals: readonly Signal[]): Map<string, string> {
  return new Map(signals.filter((s) => s.family === 'platform_event' && s.local && s.hint === 'dependency_failure').map((s) => [s.service, s.raw ?? s.text]));
}

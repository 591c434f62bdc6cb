import type { MetricSeries } from '../../contracts/index.js';
import { climbed } from './kinds.js';
import { backToReference } from './back-to-reference.js';
import { lastDeparture } from './last-departure.js';
import { WEIGHTS, type Weights } from './weights.js';
import { headroomResource, headroomSignals } from './headroom.js';
import { hostMeasure, hostMeasureSignals } from './host-measures.js';
import { wordsOf } from './metric-words.js';
import { detectOnset, lookbackOf, zStrength, type Onset } from './onset.js';
import { begunBeforeLookback, sizedByReference } from './before-window.js';
import { againstReference, failingSinceEarlier, failingThroughout, referenceOnset, standingDemand, standingGrowth, standingOnset } from './reference-onset.js';
import { formatMeasure as fmt, type Evidence, type Frame, type Signal, type SignalFamily } from './types.js';

type Family = 'errors' | 'latency' | 'cpu' | 'memory' | 'saturation' | 'traffic' | 'units' | 'headroom' | 'other';

/** Labels that carry a response's status: HTTP, gRPC and mesh conventions (`code`, `status`, `response_code`, `http.response.status_code`). */
const STATUS_LABEL = /(^|[_.])(code|status|status_code|response_code|http_status)$/i;

/**
 * The gRPC status codes other than OK, by name (`ResourceExhausted`, `RESOURCE_EXHAUSTED`,
 * `DeadlineExceeded`): each is a call that failed, as an HTTP 4xx or 5xx is.
 */
const GRPC_FAILED = /^(?:cancell?ed|unknown|invalidargument|deadlineexceeded|notfound|alreadyexists|permissiondenied|resourceexhausted|failedprecondition|aborted|outofrange|unimplemented|internal|unavailable|dataloss|unauthenticated)$/;

/**
 * Whether a series' labels say it counts only failed responses: a status of 5xx, the
 * server's failure, or of 4xx, a request refused (denied by a policy, throttled, not
 * found), or a gRPC status other than OK (`grpc_code="ResourceExhausted"`). Either way
 * each request it counts failed: more of them is more failing, not more demand.
 */
export function countsFailedResponses(labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(labels).some(([key, value]) => STATUS_LABEL.test(key) && (/^[45]\d\d$/.test(value.trim()) || GRPC_FAILED.test(value.trim().toLowerCase().replace(/_/g, ''))));
}

/**
 * What a series measures, from its name and unit in the words metric names commonly
 * use (Prometheus, CloudWatch, OpenTelemetry conventions). Order matters: "cpu" before
 * "seconds", "error" before "requests". A restart or crash counter
 * (`kube_pod_container_status_restarts_total`) counts crashes, not requests: it is
 * left to the runtime events that say why the container stopped. A backlog (queue age, lag) is a symptom like
 * latency: work waits when whatever drains it is broken; a disk's I/O queue is the disk's
 * own saturation (the USE method's measure of it), not work waiting downstream, and its
 * I/O operations per second (`ReadIOPS`, `write_iops`) are how hard the disk works against
 * its provisioned ceiling, not requests: a vacuum or a compaction drives them with no
 * caller asking for more. Executions or requests in flight (`ConcurrentExecutions`,
 * `http_requests_in_flight`) are how much of its concurrency a service holds, as a pool's
 * connections in use are.
 * Packets dropped or retransmitted and calls that timed out are failures as much as an
 * error count is (a NAT gateway's `PacketsDropCount`, a link's `tcp_retransmit_ratio`).
 * A count of units in service (nodes ready, healthy hosts, links up; unhealthy hosts,
 * under-replicated or offline partitions and nodes counted by a bad condition the other
 * way round) measures the platform's capacity: `units`. How much of a thing is used (`log_dir_used_ratio`) is resource use.
 * `mem` counts as memory only as a word of its own (`mem_used_percent`), not inside
 * another (`rs_members_state` counts replica-set members).
 * A request series whose status label says every response it counts failed (a
 * Prometheus `code="503"`, a mesh `response_code="503"`) is a failure rate, not demand.
 * A series of what is left (free storage, available memory, a credit balance) is
 * `headroom`: it runs the other way round from a use series (`headroom.ts`).
 */
/**
 * A count of nodes by condition, as kube-state-metrics reports it
 * (`kube_node_status_condition{condition="NetworkUnavailable",status="true"}`): the
 * condition and status labels say which nodes it counts.
 */
const nodeCondition = (name: string, labels: Readonly<Record<string, string>>) => /status_condition/i.test(name) && labels.condition !== undefined;

/**
 * What arrives at a service to be worked on, counted as it comes in (`EventsReceived`,
 * `IncomingRecords`, `orders_received_per_minute`): demand, as a request rate is, whatever
 * the unit of work is called. A count of messages visible or waiting is a backlog, not
 * arrivals.
 */
const ARRIVALS = / (?:received|incoming) /;

/** Arrivals that are the network's load (bytes, packets, frames) or a router's routes (prefixes), not work a service takes on. */
const NETWORK_UNITS = / (?:bytes?|bits?|packets?|frames?|prefixes) /;

/** Whether a series counts work arriving (`ARRIVALS`), not the network's own load. */
function arrivals(name: string): boolean {
  const words = wordsOf(name);
  return ARRIVALS.test(words) && !NETWORK_UNITS.test(words);
}

/** Work in flight (`ConcurrentExecutions`, `http_requests_in_flight`): how much of its concurrency a service holds. */
const IN_FLIGHT = /concurren|in.?flight/;

export function metricFamily(name: string, unit = '', labels: Readonly<Record<string, string>> = {}): Family {
  const n = `${name} ${unit}`.toLowerCase();
  if (/restart|crash|oom_?kill|terminat/.test(n)) return 'other';
  if (headroomResource(name, unit)) return 'headroom';
  if (/unhealthy|under.?replicated|offline|healthy_?host|in_?service|(^|[_.])(ready|up)([_.\s]|$)/.test(n)) return 'units';
  if (nodeCondition(name, labels)) return 'units';
  if (/error|fail|5xx|fault|exception|reject|drop|retrans|packet.?loss|time.?out|timed.?out|dlq|dead.?letter/.test(n)) return 'errors';
  if (/cpu|throttl/.test(n)) return 'cpu';
  if (/(^|[^a-z])mem([^a-z]|$)|memory|heap|rss|oom|swap/.test(n)) return 'memory';
  if (/disk.?queue|io.?queue|iops/.test(n)) return 'saturation';
  if (IN_FLIGHT.test(n)) return 'saturation';
  if (/queue|backlog|\blag\b|oldest|pending/.test(n)) return 'latency';
  if (/conn|pool|disk|filesystem|inode|file_?desc|\bfds?\b|thread|saturat|quota|in_use|used|usage|utiliz|capacity|evict/.test(n)) return 'saturation';
  if (/latency|duration|response_time|p\d\d|seconds|millis|\bms\b/.test(n)) return 'latency';
  if (/request|rps|qps|throughput|workload|traffic|calls|invocations|ops\b|_total/.test(n) || arrivals(name)) return countsFailedResponses(labels) ? 'errors' : 'traffic';
  return 'other';
}

const WORDS: Record<Exclude<Family, 'other'>, string> = {
  errors: 'error rate',
  latency: 'latency',
  cpu: 'CPU',
  memory: 'memory',
  saturation: 'resource use',
  traffic: 'request rate',
  units: 'units in service',
  headroom: 'room left',
};

/**
 * The limit a series runs against, when it says so: a label naming a maximum
 * (`maxmemory`, `max_connections`, `limit`), a ratio (limit 1) or a percentage (100).
 */
export function capacityOf(series: Pick<MetricSeries, 'name' | 'unit' | 'labels'>): number | undefined {
  for (const [key, value] of Object.entries(series.labels)) {
    const limit = Number(value);
    if (/^max|limit|capacity|_max$/i.test(key) && Number.isFinite(limit) && limit > 0) return limit;
  }
  const n = `${series.name} ${series.unit ?? ''}`.toLowerCase();
  if (/percent|pct|%/.test(n) && /used|usage|utiliz|full/.test(n)) return 100;
  if (/ratio|utiliz|fraction/.test(n) && /used|usage|utiliz|in_use|full/.test(n)) return 1;
  return undefined;
}

/** The share of its rise demand must reach to count as risen (`Signal.risenByMs`): a level near its peak, not one noisy sample at it. */
const RISEN_SHARE = 0.8;

/** When a rising series first reached {@link RISEN_SHARE} of the way from its baseline to its peak, at or after its onset. */
function risenBy(series: MetricSeries, onset: Onset): number {
  const level = onset.baseline + RISEN_SHARE * (onset.peak - onset.baseline);
  const i = series.values.findIndex((v, k) => v !== null && v >= level && series.startMs + k * series.stepMs >= onset.atMs);
  return i < 0 ? onset.atMs : series.startMs + i * series.stepMs;
}

/** The first flagged step after which at least 60% of the steps stay flagged, or -1: a brief touch of the limit is not an onset. */
function sustainedFrom(flags: readonly boolean[]): number {
  let after = 0;
  let onset = -1;
  for (let i = flags.length - 1; i >= 0; i--) {
    if (flags[i]) after++;
    if (flags[i] && after >= 0.6 * (flags.length - i)) onset = i;
  }
  return onset;
}

/**
 * A resource that reached its limit near the alert, having been below it before: a
 * slow climb to a full disk or a memory cap is exhaustion even when the climb itself
 * never looks like a jump. A series whose healthy reference sat well below its limit
 * ran full this time even when it was already full when the window opened (a cache that
 * filled up over the hours before the alert): its onset is when it came up to the limit.
 * So did a series that was below its limit when the window opened and came up to it
 * within the window, however long before the alert (a quota used up over the evening):
 * it is at its limit since it got there, not a standing level.
 */
function capacitySignal(series: MetricSeries & { id: string }, family: Family, frame: Frame, w: Weights): Signal | undefined {
  if (family !== 'memory' && family !== 'saturation' && family !== 'cpu') return undefined;
  const limit = capacityOf(series);
  if (limit === undefined) return undefined;
  const recentFrom = frame.alertAtMs - 30 * 60_000;
  let before = 0;
  let beforeFull = 0;
  const recent: { at: number; full: boolean; v: number }[] = [];
  const all: { at: number; full: boolean }[] = [];
  series.values.forEach((v, i) => {
    if (v === null) return;
    const at = series.startMs + i * series.stepMs;
    const full = v >= w.metrics.atCapacity * limit;
    all.push({ at, full });
    if (at >= recentFrom) recent.push({ at, full, v });
    else {
      before++;
      if (full) beforeFull++;
    }
  });
  const onset = sustainedFrom(recent.map((r) => r.full));
  const usuallyRoomy = series.reference !== undefined && series.reference.points >= w.metrics.minReferencePoints && series.reference.p95 < w.metrics.atCapacity * limit;
  const reached = sustainedFrom(all.map((p) => p.full));
  const cameUp = beforeFull > before / 2 && reached > 0 && all.slice(0, reached).every((p) => !p.full);
  if (onset < 0 || (beforeFull > before / 2 && !usuallyRoomy && !cameUp) || recent[onset]!.at > frame.alertAtMs + frame.stepMs) return undefined;
  const onsetMs = usuallyRoomy || cameUp ? Math.min(recent[onset]!.at, all[reached]?.at ?? Infinity) : recent[onset]!.at;
  const peak = Math.max(...recent.slice(onset).map((r) => r.v));
  return { service: series.service, family: family === 'cpu' ? 'cpu' : family, strength: 0.9, onsetMs, evidenceId: series.id, local: true, peakShare: peak / limit, text: `${series.service} ${family === 'saturation' ? 'resource use' : family === 'cpu' ? 'CPU' : 'memory'} reached its limit (${fmt(peak)} of ${fmt(limit)}, ${series.name})` };
}

/** Counts of units out of service (unhealthy hosts, partitions without their replicas): a rise in them is units lost. */
const UNITS_OUT = /unhealthy|under.?replicated|offline/i;

/**
 * Whether a series counts units out of service: by its name (`UNITS_OUT`), or, for a
 * count of nodes by condition, any condition but Ready=true (nodes not ready, or with
 * their network unavailable or under pressure).
 */
const countsUnitsOut = (series: { name: string; labels: Readonly<Record<string, string>> }) => UNITS_OUT.test(series.name) || (nodeCondition(series.name, series.labels) && !(/^ready$/i.test(series.labels.condition!) && /^true$/i.test(series.labels.status ?? '')));

/**
 * Failures a network piece counts itself (packets it dropped or had to send again, TLS
 * handshakes it could not complete): the network or the piece in front failed, whatever
 * runs over or behind it, and nothing a callee does produces them.
 */
const LOST_PACKETS = /drop|retrans|packet.?loss|tls|ssl|handshake/i;

/**
 * Failures a storage device counts itself (I/O errors, medium errors of a disk or volume):
 * the hardware under the service failed, as packets lost are the network failing; no
 * query, load or leak of the service makes a disk return them.
 */
/**
 * Whether a series counts requests turned away at a limit (Lambda `Throttles`, DynamoDB
 * `ThrottledRequests` or `ReadThrottleEvents`): each is a call that arrived and was refused
 * because the service already ran at its limit, so it counts demand beyond capacity, not
 * the CPU time a scheduler withheld (`container_cpu_cfs_throttled_periods`).
 */
export function countsRefusedCalls(name: string): boolean {
  return /throttl/i.test(name) && !/cpu|cfs/i.test(name);
}

const DEVICE_ERRORS = /(?:disk|device|volume|block|nvme|\bio|i\/o|media|medium).?(?:io.?)?errors?/i;

/**
 * Whether an error series counts failures to get a resource (`ErrorPortAllocation`,
 * `IPAllocationFailures`, `quota_exceeded_total`, `InsufficientCapacityErrors`): each such
 * error says something ran out, not that code failed.
 */
export function failedToAllocate(name: string): boolean {
  return / alloc| exhaust| quota| insufficient/.test(wordsOf(name));
}

/**
 * Families that measure a rate (requests, failures, waits, CPU burned), comparable from
 * one day to the next. A level a process holds (memory, disk, connections) also depends on
 * how long it has run since the reference was taken, so a level unlike the reference's
 * for the whole window is no sign of when anything began.
 */
const RATES: readonly Family[] = ['errors', 'latency', 'traffic', 'cpu'];

/**
 * Whether a series is read as a rate, comparable from one day to the next: a rate family,
 * or work in flight, which is demand times how long each piece takes (Little's law) and
 * holds nothing over from one minute to the next, so concurrency pinned at its cap since
 * before the look-back stands out against a reference that sat at a tenth of it.
 */
const readAsRate = (family: Family, name: string) => RATES.includes(family) || (family === 'saturation' && IN_FLIGHT.test(name.toLowerCase()));

/**
 * One signal per series whose recent steps broke from its baseline, surer the more
 * steady the shift (a series that keeps dropping back is half a signal). Rising CPU, memory
 * and resource use are local; rising errors and latency are symptoms; rising traffic
 * may be a surge; falling traffic is a symptom. A series labelled with a caller and a
 * callee (a service-mesh edge) speaks for the callee: calls into it got slower. A shift
 * to a level the series' reference also shows is not news (`againstReference`), and a
 * series too sparse for a baseline of its own, or whose shift began before the
 * look-back (`standingOnset`), is read against its reference alone (and a rate's shift
 * found at the look-back's first step is dated where its reference says it began,
 * `begunBeforeLookback`, and a rise in demand whose window opened already far above
 * its reference is sized against the reference, `sizedByReference`); a headroom series is read the other way round (`headroomSignals`).
 * An error ratio with no reference that failed half of all requests or more from the
 * window's first sample (`failingThroughout`) was failing before the window opened.
 * A series back inside its reference's normal range by the alert (`backToReference`) has
 * no ongoing shift, and one that came back from an earlier episode and left its range
 * again is dated at its last departure (`lastDeparture`).
 */
export function metricSignals(items: readonly Evidence[], frame: Frame, w: Weights = WEIGHTS): Signal[] {
  const out: Signal[] = [];
  for (const item of items) {
    if (item.class !== 'metrics') continue;
    const series = item as MetricSeries & { id: string };
    const measure = hostMeasure(series.name, series.labels);
    if (measure) {
      out.push(...hostMeasureSignals(series, measure, frame, w));
      continue;
    }
    const family = metricFamily(series.name, series.unit, series.labels);
    if (family === 'other') continue;
    if (family === 'headroom') {
      out.push(...headroomSignals(series, headroomResource(series.name, series.unit)!, frame, w));
      continue;
    }
    if (backToReference(series, frame, w, capacityOf(series))) continue;
    const full = capacitySignal(series, family, frame, w);
    if (full) out.push(full);
    const own = detectOnset(series.values, series.startMs, series.stepMs, frame.alertAtMs, lookbackOf(frame), w);
    const found = lastDeparture(series, own, frame, w) ?? own;
    const standing = found ? undefined : family === 'traffic' ? standingDemand(series, w) : family === 'memory' ? standingGrowth(series, w) : undefined;
    const earlier = found ? undefined : (referenceOnset(series, frame, w) ?? standing ?? (readAsRate(family, series.name) ? standingOnset(series, frame, w) : undefined) ?? (family === 'errors' && !series.reference ? failingSinceEarlier(series, frame, w) : undefined));
    const throughout = found || earlier || family !== 'errors' || series.reference ? undefined : failingThroughout(series, frame, w);
    const weighed = found ? againstReference(begunBeforeLookback(found, series, readAsRate(family, series.name), frame, w), series, w) : undefined;
    const onset = weighed && family === 'traffic' ? sizedByReference(weighed, series, w) : found ? weighed : (earlier ?? throughout);
    if (!onset) continue;
    const rising = onset.direction > 0;
    const relative = onset.baseline !== 0 ? Math.abs(onset.peak / onset.baseline) : Infinity;
    const sizeable = relative >= 1.3 || relative <= 0.7;
    if (!sizeable) continue;
    const edge = series.labels.callee !== undefined && series.labels.caller !== undefined;
    let f: SignalFamily | undefined;
    let local = false;
    if (family === 'errors' && rising) [f, local] = ['errors', LOST_PACKETS.test(series.name) || DEVICE_ERRORS.test(series.name) || failedToAllocate(series.name)];
    else if (family === 'latency' && rising) [f, local] = edge ? ['inbound_latency', true] : ['latency', false];
    else if (family === 'cpu' && rising) [f, local] = ['cpu', true];
    else if (family === 'memory' && rising) [f, local] = ['memory', true];
    else if (family === 'saturation' && rising) [f, local] = ['saturation', true];
    else if (family === 'traffic') [f, local] = rising ? ['traffic_up', true] : ['traffic_down', false];
    else if (family === 'units' && rising === countsUnitsOut(series)) [f, local] = ['units_lost', true];
    if (!f) continue;
    const strength = zStrength(onset.z) * Math.min(1, Math.abs(Math.log(relative)) / Math.log(2)) * onset.sustained;
    const where = edge ? ` on calls from ${series.labels.caller}` : '';
    const limit = capacityOf(series);
    const resource = rising && (f === 'cpu' || f === 'memory' || f === 'saturation');
    const network = f === 'errors' && (LOST_PACKETS.test(series.name) || DEVICE_ERRORS.test(series.name));
    const shortage = f === 'errors' && failedToAllocate(series.name);
    const refused = rising && f === 'cpu' && countsRefusedCalls(series.name);
    const before = f === 'memory' ? climbed(series.values.filter((v, i): v is number => v !== null && series.startMs + i * series.stepMs < onset.atMs), w.changes.growthShare) : undefined;
    out.push({
      service: series.service,
      family: f,
      strength,
      onsetMs: onset.atMs,
      evidenceId: series.id,
      local,
      ...(resource && limit !== undefined ? { peakShare: onset.peak / limit } : {}),
      ...(before !== undefined ? { climbedBefore: before } : onset === standing && standing ? { climbedBefore: standing.climbing } : {}),
      ...(f === 'traffic_up' ? { risenByMs: risenBy(series, onset) } : {}),
      ...(shortage ? { hint: 'resource_exhaustion' as const } : {}),
      ...(edge && f === 'inbound_latency' ? { waitsByCaller: { [series.labels.caller!]: Math.min(relative, 1e6) } } : {}),
      ...(network ? { hint: 'infrastructure' as const } : {}),
      ...(refused ? { refusedCalls: true as const } : {}),
      text: throughout ? `${series.service} error rate stood at ${fmt(onset.peak)} or near it from the window's first sample: failing before the window opened (${series.name})` : `${series.service} ${refused ? 'calls refused at its limit' : family === 'units' && rising ? 'units out of service' : WORDS[family]}${where} ${rising ? 'rose' : 'fell'} from ${fmt(onset.baseline)} to ${fmt(onset.peak)} (${series.name})`,
    });
  }
  return out;
}

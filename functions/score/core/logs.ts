import type { LogPattern, RootCauseKind } from '../../contracts/index.js';
import { rateChange } from '../../providers/shared/stats.js';
import { namesCallee } from './callee-names.js';
import { lookbackOf } from './onset.js';
import { SATURATED } from './saturated.js';
import { trustRefused } from './trust.js';
import { WEIGHTS, type Weights } from './weights.js';
import type { Evidence, Frame, Signal } from './types.js';

/**
 * Words that say the power of the room the hosts stand in failed: utility power lost, a
 * UPS on battery, a generator that failed to start, a PDU's input gone (a PDU that is a
 * protocol's data unit, `malformed PDU`, says nothing of power).
 */
export const POWER_LOST = /\b(?:utility|mains) power\b|\bpower (?:loss|lost|failure|outage|failed)\b|\bups\b[^.;\n]{0,20}\bon battery\b|\bgenerators? (?:\w+ )?(?:failed|failure)\b|\bpdus?\b[^.;\n]{0,20}\b(?:input|feed)s? (?:lost|down|failed)\b/i;

/**
 * Words that only the machinery under every service writes: a routing protocol's sessions
 * to its neighbours (`%BGP-5-ADJCHANGE: neighbor 10.0.0.1 Down`, an OSPF adjacency lost,
 * peerings withdrawn, a link or interface down), and the power of the room
 * (`POWER_LOST`). No application code logs them: a service that does is a piece of the
 * platform, or runs where the platform failed.
 */
export const PLATFORM_MACHINERY = new RegExp(`\\bbgp\\b|\\bospf\\b|\\badjacenc(?:y|ies)\\b|route.?reflectors?|\\bpeerings? (?:\\w+ )?(?:withdrawn|down|lost|dropped)\\b|\\bneighbou?r\\b[^.;\\n]{0,40}\\bdown\\b|\\b(?:link|interface|uplink|port-channel)(?: \\S+)? (?:is |went )?down\\b|${POWER_LOST.source}`, 'i');

/**
 * Words only a host's kernel writes about the machine itself, in the kernel's own forms:
 * its tasks hung in the kernel (`INFO: task render:1412 blocked for more than 120
 * seconds`, processes in D state, a soft or hard lockup, an RCU stall, the call trace it
 * prints with them), its hardware faulting (`mce: [Hardware Error]`, EDAC memory errors, a
 * storage controller's firmware in a fault state, an NVMe command timing out) or its
 * network card hanging (`NETDEV WATCHDOG: … transmit queue 0 timed out`). No request
 * path of the service writes them: code that waits on a slow callee blocks in user space,
 * and the kernel reports its own tasks only when the machine under them stopped serving
 * them. An application's own watchdog (a thread blocked for 2000 ms, a device's firmware
 * that crashed) speaks in other forms and keeps its own reading.
 */
export const HOST_KERNEL = /\btask\b[^.;\n]{0,40}\bblocked for more than [\d<>*]+ ?s(?:ec(?:ond)?s?)?\b|\bhung_task|\b(?:soft|hard) lockup\b|\brcu_?\w*:? (?:\w+ )?(?:self-detected )?stall|\bD[ -]state\b|\bkernel: call trace\b|\bmachine check (?:exception|event)|\bmce: |\bEDAC\b|\[hardware error\]|\bFW in FAULT\b|\bnvme\d*:? I\/O [\d<>*]+ QID [\d<>*]+ timeout|\bNETDEV WATCHDOG\b|\btransmit queue [\d<>*]+ timed out\b/i;

/**
 * Words in a log line that name the kind of failure outright. A quota names a shortage
 * only when it is spent (`quota exceeded`, `over quota`, `has exceeded its quota`): the
 * word alone names a budget or whatever checks it (`quota check unavailable: connection
 * refused`, a quota 71% used), which says nothing of what ran out. A service's own
 * saturation (`SATURATED`: its workers all busy, work waiting in its own queue) names a
 * shortage of capacity.
 */
const HINTS: [RegExp, RootCauseKind][] = [
  [/out of memory|\boom\b|too many (connections|open files|clients)|connection slots|pool (is )?exhausted|no space left|disk full|\bis full\b|\bquota\b[^.;\n]{0,30}\b(?:exceeded|exhausted|reached|used up|depleted)\b|\b(?:exceed(?:s|ed|ing)?|over|out of|insufficient)\b(?:\s+\S+){0,2}\s+quota\b|resource.?exhausted|heap space|rate.?limit|rate exceeded|concurrency (?:limit )?(?:reached|exceeded)|throttl|max_connections|maxmemory|evict|no available (connection|thread)|watermark\b.*\bexceeded|flood.?stage|shed(?:ding)? (?:load|requests?|traffic|low.priority)|load.?shed|wraparound|(?:assign|allocate) an ip address|no (?:free|available) ip|buffer (?:limits?|is full)/i, 'resource_exhaustion'],
  [SATURATED, 'resource_exhaustion'],
  [/\bdns|nxdomain|getaddrinfo|eai_again|enotfound|no such host|name resolution|unknownhost|\blookup [\w.<>*-]+(?: on \S+)?: |certificate|x509|\btls\b|\bssl\b|no route to host|network is unreachable|node .*not ready|connection reset by peer|packet loss|medium error|\bi\/o error|input\/output error|remounting filesystem read-only/i, 'infrastructure'],
];

/**
 * Failures in words that only the platform produces for everyone on it: a name that did
 * not resolve, a TLS handshake or certificate refused, a route that does not exist. A
 * reset connection or a timeout can be any callee's doing; these are the shared layer's.
 */
export const PLATFORM_SIGNATURE = /\bdns|nxdomain|getaddrinfo|eai_again|enotfound|no such host|name resolution|unknownhost|\blookup [\w.<>*-]+(?: on \S+)?: |certificate|x509|\btls\b|\bssl\b|no route to host|network is unreachable/i;

/**
 * Exception and error types whose name says what failed, whatever their message holds:
 * a programming error is a defect in the code even when its message quotes a method
 * called `limit()` (Java's, Python's, JavaScript's and .NET's: an `ArgumentOutOfRange`
 * date built for February 29 of a year that has none); an out-of-memory or throttling type is a resource running short; a
 * TLS or name-resolution type is the platform.
 */
const TYPES: [RegExp, RootCauseKind][] = [
  [/^(?:NullPointer|NullReference|ClassCast|IllegalArgument|IllegalState|Argument(?:OutOfRange|Null)?|InvalidOperation|InvalidCast|KeyNotFound|DivideByZero|Format|(?:Array|String)?IndexOutOfBounds|Arithmetic|NumberFormat|UnsupportedOperation|ConcurrentModification|NoSuchElement|NoSuch(?:Method|Field)|AbstractMethod|Type|Reference|Key|Attribute|Index|Value|Name|ZeroDivision|Assertion|Syntax|Range|JsonParse|JsonMapping|Unmarshal|Serialization|Validation)(?:Exception|Error)$/, 'code_defect'],
  [/OutOfMemory|Throttl|TooManyRequests|RateLimit|QuotaExceeded|LimitExceeded|ThroughputExceeded|ResourceExhausted|PoolExhausted|DiskFull|NoSpace/, 'resource_exhaustion'],
  [/SSL|TLS|Certificate|Handshake|UnknownHost|DnsResolution|NameResolution|NoRouteToHost/, 'infrastructure'],
];

/** The first exception or error type a text names (`java.lang.NullPointerException`, `System.ArgumentNullException`, `KeyError:`), without its package or namespace. */
export function errorType(text: string): string | undefined {
  const m = /(?:^|[\s:(\[])(?:[A-Za-z_$][\w$]*\.)*([A-Z][A-Za-z0-9]*(?:Exception|Error))\b/.exec(text);
  return m?.[1];
}

/**
 * Identifiers in a text (calls like `limit()` or `connect()`, camelCase and PascalCase
 * names like `evictionPolicy` or `QuotaService`, qualified or not) are names, not prose:
 * their parts say nothing about what failed. What is left is the sentence, host names
 * included, and the words a parenthesis holds (`connect() failed (113: No route to
 * host)`: the parenthesis is the system's own reason, prose like the rest).
 */
export function proseOf(text: string): string {
  return text
    .split(/\s+/)
    .filter((token) => !/[\w$]\(|[a-z][A-Z]|^["'`(]?[A-Z][a-z0-9]+[A-Z]/.test(token))
    .map((token) => token.replace(/^[(]+|[)]+(?=[^\w]*$)/g, ''))
    .join(' ');
}

/**
 * The kind a log line or an exception names outright, read by type and structure: the
 * error type first (a programming error is a code defect whatever its message quotes),
 * then the prose of the message with identifiers set aside (a `RateLimiter.limit()` in a
 * stack frame is not a rate limit), the name of the service that logged it among them (a
 * crash loop of `quota-control` says nothing of a quota); trust material a peer refused
 * (`trustRefused`, a provider's `InvalidProviderToken` reason code among it) is the
 * platform.
 */
export function logHint(text: string, service?: string): RootCauseKind | undefined {
  const type = errorType(text);
  const byType = type ? TYPES.find(([re]) => re.test(type))?.[1] : undefined;
  if (byType) return byType;
  const prose = proseOf(service ? text.split(service).join(' ') : text);
  return HINTS.find(([re]) => re.test(prose))?.[1] ?? (PLATFORM_MACHINERY.test(prose) || HOST_KERNEL.test(text) || trustRefused(service ? text.split(service).join(' ') : text) ? 'infrastructure' : undefined);
}

/**
 * How sure a brand-new error template is, by how often it appeared: on a short capture
 * the likelihood ratio undersells an error the service had never logged, which is the
 * clearest sign of a fault in its own code.
 */
export const noveltyStrength = (count: number) => Math.min(0.9, 0.2 + 0.12 * Math.log2(Math.max(1, count)));

/**
 * Patterns whose rate changed near the alert, compared on one shared span of steps (the
 * union of every pattern's grid) so that a service that went quiet still shows. An
 * error or warning template that is new or surging is local news (one the service had
 * never logged while it was logging other lines is surer than its rate alone says); a template that
 * stopped appearing is a quieter clue (a code path no longer reached); a constant
 * template, however alarming its words, is not news, and neither is one that rose in the
 * same step as the service's ordinary lines (more of its usual work, not a failure).
 * Against a reference (the same query over a healthy period), an error template the
 * service never logged there is new even when the capture holds little before the
 * fault, and one it logged there at a similar pace is background, not news.
 */
export function logSignals(items: readonly Evidence[], frame: Frame, w: Weights = WEIGHTS): Signal[] {
  const patterns = items.filter((i): i is LogPattern & { id: string } => i.class === 'logs');
  if (patterns.length === 0) return [];
  const stepMs = Math.min(...patterns.map((p) => p.stepMs));
  const start = Math.min(...patterns.map((p) => p.startMs));
  const end = Math.max(...patterns.map((p) => p.startMs + p.counts.length * p.stepMs));
  const length = Math.max(1, Math.ceil((end - start) / stepMs));
  const recentStep = Math.floor((frame.alertAtMs - lookbackOf(frame) - start) / stepMs);
  const recent = Math.max(1, recentStep);
  const out: Signal[] = [];
  const aligned = patterns.map((p) => {
    const counts = new Array<number>(length).fill(0);
    p.counts.forEach((n, i) => {
      const k = Math.floor((p.startMs + i * p.stepMs - start) / stepMs);
      if (k >= 0 && k < length) counts[k]! += n;
    });
    return counts;
  });
  const firstStep = new Map<string, number>();
  patterns.forEach((p, i) => {
    const first = aligned[i]!.findIndex((n) => n > 0);
    if (first >= 0) firstStep.set(p.service, Math.min(firstStep.get(p.service) ?? Infinity, first));
  });
  const ordinary = new Map<string, number[]>();
  patterns.forEach((p, i) => {
    if (isSevere(p)) return;
    const sum = ordinary.get(p.service) ?? new Array<number>(length).fill(0);
    aligned[i]!.forEach((n, k) => (sum[k]! += n));
    ordinary.set(p.service, sum);
  });
  for (const [i, p] of patterns.entries()) {
    const counts = aligned[i]!;
    const first = counts.findIndex((n) => n > 0);
    if (p.reference?.count === 0 && isSevere(p) && first >= recentStep && start + first * stepMs <= frame.alertAtMs + frame.stepMs) {
      out.push(unseenError(p, start + first * stepMs));
      continue;
    }
    const change = rateChange(counts, 0, length - 1, recent);
    if (!change || change.llr < w.logs.llrMin) continue;
    const atMs = start + change.index * stepMs;
    if (atMs > frame.alertAtMs + frame.stepMs) continue;
    const severe = isSevere(p) && !withOrdinaryWork(ordinary.get(p.service), change.index);
    const rose = change.afterRate > change.beforeRate;
    const isNew = change.beforeRate === 0;
    const template = p.template.length > 120 ? `${p.template.slice(0, 117)}…` : p.template;
    const unseen = p.reference?.count === 0;
    const novel = isNew && (unseen || (firstStep.get(p.service) ?? Infinity) <= change.index - w.logs.novelBaselineSteps);
    const strength = Math.min(1, change.llr / 30);
    if (rose && severe && p.reference && !unseen && !aboveReference(p, counts, change.index, stepMs, w.logs.aboveReference)) continue;
    if (rose && severe) {
      const sure = novel ? Math.max(strength, noveltyStrength(p.count)) : strength;
      const hint = logHint([p.template, ...p.exemplars.map((e) => e.message)].join(' '), p.service);
      const raw = [p.template, ...p.exemplars.map((e) => e.message)].join('\n');
      out.push({ service: p.service, family: 'log_error', strength: sure, onsetMs: atMs, evidenceId: p.id, local: true, text: `${p.service} ${isNew ? 'started logging' : 'logged more'} ${p.level} "${template}"`, raw, ...(hint ? { hint } : {}) });
    } else if (!rose && change.afterRate <= change.beforeRate / 4) {
      out.push({ service: p.service, family: 'log_vanished', strength: strength * 0.6, onsetMs: atMs, evidenceId: p.id, local: true, text: `${p.service} ${change.afterRate === 0 ? 'stopped logging' : 'logged far less of'} "${template}"` });
    } else if (rose) {
      out.push({ service: p.service, family: 'log_info', strength: strength * 0.3, onsetMs: atMs, evidenceId: p.id, local: false, text: `${p.service} logged more "${template}"` });
    }
  }
  return out;
}

/**
 * An error or warning template the service never logged over the healthy reference: it
 * is news from its first line, however little of the capture came before it (a capture
 * that starts just before the fault shows no rise, only a new kind of line).
 */
function unseenError(p: LogPattern & { id: string }, onsetMs: number): Signal {
  const template = p.template.length > 120 ? `${p.template.slice(0, 117)}…` : p.template;
  const hint = logHint([p.template, ...p.exemplars.map((e) => e.message)].join(' '), p.service);
  const raw = [p.template, ...p.exemplars.map((e) => e.message)].join('\n');
  return { service: p.service, family: 'log_error', strength: noveltyStrength(p.count), onsetMs, evidenceId: p.id, local: true, text: `${p.service} logged ${p.level} "${template}", never seen in the reference period`, raw, ...(hint ? { hint } : {}) };
}

/**
 * Whether a template the healthy period also logged came now at several times its
 * reference rate: an error a service always logs at that pace is its background, not
 * this incident.
 */
function aboveReference(p: LogPattern, counts: readonly number[], from: number, stepMs: number, times: number): boolean {
  const after = counts.slice(from);
  const perMinute = after.reduce((a, b) => a + b, 0) / Math.max(1, (after.length * stepMs) / 60_000);
  return perMinute >= times * p.reference!.perMinute;
}

const isSevere = (p: LogPattern) => p.level === 'error' || p.level === 'fatal' || p.level === 'warn';

/**
 * Whether the service's ordinary (info and debug) lines jumped in the very step `index`
 * (at least doubling on the step before) and stayed at least doubled from there on: a
 * warning that rose with them came with more of the service's usual work (requests that
 * take a path which always warns), not with a failure.
 */
function withOrdinaryWork(ordinary: readonly number[] | undefined, index: number): boolean {
  if (!ordinary || index <= 0 || index >= ordinary.length) return false;
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const after = mean(ordinary.slice(index));
  const jumped = ordinary[index]! > 0 && ordinary[index]! >= 2 * ordinary[index - 1]!;
  return jumped && after >= 2 * mean(ordinary.slice(0, index));
}

/**
 * A peer refusing the service's own client certificate or credentials (a TLS alert that
 * our certificate expired or was revoked, "client certificate expired"): the failure is
 * the service's own (infrastructure: its certificate), not the party that refused it,
 * however loudly the message names that party.
 */
export function ownCredentialRefused(text: string): boolean {
  return /remote error: tls: (?:expired|revoked|bad|unknown) certificate|alert (?:certificate[ _]expired|certificate[ _]revoked)|sslv3[ _]alert[ _]certificate[ _](?:expired|revoked)|client certificate (?:has )?(?:expired|was revoked|is not yet valid)|expired client certificate/i.test(text);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a text names `name` as a whole name, the way a log line or an error mentions a
 * service or a platform piece: `orders` in "orders returned 500", not in `orders-db`,
 * `reorders` or `orders_total`.
 */
export function namesService(text: string, name: string): boolean {
  return new RegExp(`(^|[^a-z0-9_-])${escape(name)}([^a-z0-9_-]|$)`, 'i').test(text);
}

/**
 * A service that logs new errors naming one of its dependencies ("send failed
 * provider=sendgrid", "orders POST /v1/orders returned 500") is pointing at that
 * dependency: each such error becomes a signal on the dependency, so an
 * uninstrumented third party still shows up through its callers' complaints. What the
 * error says failed (the peer's certificate expired, its connection slots ran out) is
 * said of the peer: it speaks for that kind there, not for a defect. A peer refusing the
 * service's own expired client certificate is not the peer's failure, nor is a
 * programming error (a `KeyError` on `SES_CONFIGURATION_SET`): a name inside an
 * identifier is not a mention, and the code that threw is the caller's own. A callee
 * outside our telemetry (given `observed`, one not in it) is named as its vendor names it, too
 * (`namesCallee`: "operation error STS" for `aws-sts`).
 */
export function mentionSignals(signals: readonly Signal[], graph: Map<string, Set<string>>, observed?: ReadonlySet<string>): Signal[] {
  const out: Signal[] = [];
  for (const s of signals) {
    if (s.family !== 'log_error' && s.family !== 'exception') continue;
    if (ownCredentialRefused(s.raw ?? s.text) || s.hint === 'code_defect') continue;
    const callees = graph.get(s.service) ?? new Set<string>();
    for (const callee of callees) {
      if (!namesCallee(s.raw ?? s.text, callee, s.service, callees, observed !== undefined && !observed.has(callee))) continue;
      const says = s.hint ? { hint: s.hint } : {};
      out.push({ service: callee, family: 'dependency_mention', strength: 0.7 * s.strength, onsetMs: s.onsetMs, evidenceId: s.evidenceId, local: true, text: `${s.service} reports failures calling ${callee}: ${s.text}`.slice(0, 300), ...says });
    }
  }
  return out;
}

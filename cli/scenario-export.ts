import type { IdentifiedEvidence, InvestigationRecord, LogPattern, MetricSeries, ScenarioExpected, TraceExemplar } from '../functions/contracts/index.js';
import { Scenario } from '../functions/contracts/index.js';

/** Log lines written out at most, over all templates: counts above it are scaled down together, so their shape and ratios hold. */
export const MAX_EXPORTED_LOG_LINES = 20_000;

const iso = (ms: number) => new Date(ms).toISOString();
const isHttpUrl = (value: string | undefined): value is string => Boolean(value && /^https?:\/\/\S+$/.test(value));

/** A kebab-case scenario name from the investigation id. */
export function scenarioName(investigationId: string): string {
  const slug = investigationId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `incident-${slug || 'unnamed'}`.slice(0, 100).replace(/-+$/, '');
}

function metricSeries(item: MetricSeries) {
  const points = item.values.flatMap((value, i) => (value === null ? [] : [[iso(item.startMs + i * item.stepMs), value] as [string, number]]));
  return { name: item.name, service: item.service, ...(Object.keys(item.labels).length > 0 ? { labels: item.labels } : {}), ...(item.unit ? { unit: item.unit } : {}), points };
}

/**
 * A template's lines back from its counts per step: `count` lines in each step, spread
 * across it, their text the exemplars' (or the template itself when none was kept), so the
 * same miner folds them back into the same template.
 */
function logLines(item: LogPattern, scale: number) {
  const texts = item.exemplars.length > 0 ? item.exemplars : [{ message: item.template, at: item.firstSeen }];
  const lines: { at: string; service: string; level: LogPattern['level']; message: string; traceId?: string }[] = [];
  item.counts.forEach((count, step) => {
    const n = count === 0 ? 0 : Math.max(1, Math.round(count * scale));
    for (let k = 0; k < n; k++) {
      const text = texts[(lines.length + k) % texts.length]!;
      lines.push({ at: iso(item.startMs + step * item.stepMs + Math.floor(((k + 0.5) / n) * item.stepMs)), service: item.service, level: item.level, message: text.message, ...('traceId' in text && text.traceId ? { traceId: text.traceId } : {}) });
    }
  });
  return lines;
}

/** The trace summarizer names a call to an uninstrumented peer `name → peer`; the peer goes back into the client span's attributes. */
const REMOTE_CALL = /^(.*) → (.+)$/;

function trace(item: TraceExemplar) {
  return {
    traceId: item.traceId,
    spans: item.spans.map((s) => {
      const remote = REMOTE_CALL.exec(s.name);
      return {
        spanId: s.spanId,
        ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
        service: s.service,
        name: remote ? remote[1]! : s.name,
        at: s.at,
        durationMs: s.durationMs,
        status: s.status,
        ...(remote ? { attributes: { 'span.kind': 'client', 'peer.service': remote[2]! } } : {}),
      };
    }),
  };
}

/** Calls synthesized at most for services seen only through their callers: counts above it are scaled down together. */
export const MAX_SYNTHESIZED_CALLS = 10_000;

/**
 * A service with no spans of its own (a third party, an uninstrumented database) is known
 * only from its callers' client spans, which the digest keeps as per-step aggregates. Those
 * calls are written back as traces: per step, as many calls as were seen, as many failing,
 * each lasting the step's p90, from the caller that called it most, so the summarizer
 * rebuilds the same aggregate and finds the failures starting there.
 */
function callsToPeers(evidence: IdentifiedEvidence[]) {
  const stats = evidence.flatMap((e) => (e.class === 'traces' && e.kind === 'service_stats' ? [e] : []));
  const peers = stats.filter((s) => s.seenOnlyByCallers);
  const total = peers.reduce((sum, p) => sum + p.spans.reduce((a, b) => a + b, 0), 0);
  const scale = total > MAX_SYNTHESIZED_CALLS ? MAX_SYNTHESIZED_CALLS / total : 1;
  return peers.flatMap((peer) => {
    const caller = stats
      .filter((s) => s.service !== peer.service && (s.callees[peer.service] ?? 0) > 0)
      .sort((a, b) => (b.callees[peer.service] ?? 0) - (a.callees[peer.service] ?? 0))[0]?.service;
    if (!caller) return [];
    return peer.spans.flatMap((count, step) => {
      const n = count === 0 ? 0 : Math.max(1, Math.round(count * scale));
      const failing = Math.round((peer.errors[step] ?? 0) * (n / count || 0));
      const durationMs = peer.durationP90Ms[step] ?? 1;
      return Array.from({ length: n }, (_, k) => {
        const at = iso(peer.startMs + step * peer.stepMs + Math.floor(((k + 0.5) / n) * peer.stepMs));
        const status = k < failing ? ('error' as const) : ('ok' as const);
        const traceId = `exported-${peer.service}-${step}-${k}`.slice(0, 128);
        return {
          traceId,
          spans: [
            { spanId: `${traceId}-server`, service: caller, name: `call ${peer.service}`, at, durationMs: durationMs + 1, status, attributes: { 'span.kind': 'server' } },
            { spanId: `${traceId}-client`, parentSpanId: `${traceId}-server`, service: caller, name: `call ${peer.service}`, at, durationMs, status, attributes: { 'span.kind': 'client', 'peer.service': peer.service } },
          ],
        };
      });
    });
  });
}

/** Calls seen in the traces (service aggregates' callees, exemplar spans' parents), added to the tenant's topology. */
export function topologyFrom(evidence: IdentifiedEvidence[], known: Record<string, string[]>): Record<string, string[]> {
  const edges = new Map<string, Set<string>>(Object.entries(known).map(([caller, callees]) => [caller, new Set(callees)]));
  const add = (caller: string, callee: string) => caller !== callee && (edges.get(caller) ?? edges.set(caller, new Set()).get(caller)!).add(callee);
  for (const item of evidence) {
    if (item.class !== 'traces') continue;
    if (item.kind === 'service_stats') for (const callee of Object.keys(item.callees)) add(item.service, callee);
    else {
      const byId = new Map(item.spans.map((s) => [s.spanId, s]));
      for (const span of item.spans) if (span.parentSpanId && byId.has(span.parentSpanId)) add(byId.get(span.parentSpanId)!.service, span.service);
    }
  }
  return Object.fromEntries([...edges].map(([caller, callees]) => [caller, [...callees].sort()]));
}

/**
 * The confirmed answer: the latest verdict decides. "Right" confirms the RCA's root cause
 * (or the cause it names) and its action; "wrong" with a named cause gives that cause and
 * no action (the right fix is unknown); "wrong" without one confirms nothing.
 */
export function confirmedAnswer(record: InvestigationRecord): ScenarioExpected | undefined {
  const latest = record.feedback?.at(-1);
  if (!latest || !record.rca) return undefined;
  if (latest.verdict === 'wrong') return latest.rootCause ? { rootCause: latest.rootCause } : undefined;
  const rootCause = latest.rootCause ?? { service: record.rca.rootCause.service, kind: record.rca.rootCause.kind };
  const action = record.scored?.recommendedAction.kind ?? record.rca.recommendedActions[0]?.action;
  return { rootCause, ...(action ? { action } : {}) };
}

/**
 * A `causeway.scenario/v1` from a record's persisted evidence: the alert as Causeway's
 * generic source (its normalized fields, so it normalizes back to the same signal), each
 * digest item back in the format's raw shape, the call graph, and the confirmed answer.
 * Not exported, because the record never held them: raw lines beyond each template's
 * counts and exemplars, spans beyond the exemplar traces (the per-service trace
 * aggregates), items the digest left out, and the reference (healthy) period.
 */
export function scenarioFromRecord(record: InvestigationRecord, options: { topology?: Record<string, string[]> } = {}): Scenario {
  const { signal } = record;
  const evidence = record.scored?.evidence ?? [];
  const patterns = evidence.filter((e): e is LogPattern & { id: string } => e.class === 'logs');
  const totalLines = patterns.reduce((sum, p) => sum + p.counts.reduce((a, b) => a + b, 0), 0);
  const scale = totalLines > MAX_EXPORTED_LOG_LINES ? MAX_EXPORTED_LOG_LINES / totalLines : 1;
  const correlation = { ...signal.correlation, ...(signal.correlation.awsAccountId && !/^\d{12}$/.test(signal.correlation.awsAccountId) ? { awsAccountId: undefined } : {}) };
  const links = Object.fromEntries(Object.entries(signal.links).filter(([, url]) => isHttpUrl(url)));
  const expected = confirmedAnswer(record);
  const pick = <C extends IdentifiedEvidence['class']>(cls: C) => evidence.filter((e) => e.class === cls) as Extract<IdentifiedEvidence, { class: C }>[];
  return Scenario.parse({
    format: 'causeway.scenario/v1',
    name: scenarioName(record.investigationId),
    description: `Exported from investigation ${record.investigationId} (tenant ${record.tenantId}): ${signal.title}${expected ? '' : ' — no confirmed answer yet'}`,
    at: signal.receivedAt,
    tenant: record.tenantId,
    signal: {
      source: 'generic',
      body: {
        title: signal.title,
        status: 'firing',
        severity: signal.severity,
        ...(signal.service ? { service: signal.service } : {}),
        ...(signal.environment ? { environment: signal.environment } : {}),
        ...(signal.namespace ? { namespace: signal.namespace } : {}),
        ...(signal.description ? { description: signal.description } : {}),
        startedAt: signal.startedAt,
        dedupKey: signal.fingerprint,
        externalId: signal.externalId,
        ...(isHttpUrl(signal.externalUrl) ? { url: signal.externalUrl } : {}),
        links,
        labels: signal.labels,
        correlation,
      },
    },
    topology: topologyFrom(evidence, options.topology ?? {}),
    evidence: {
      metrics: pick('metrics').map(metricSeries),
      logs: patterns.flatMap((p) => logLines(p, scale)),
      traces: [...pick('traces').flatMap((t) => (t.kind === 'exemplar' ? [trace(t)] : [])), ...callsToPeers(evidence)],
      changes: pick('changes').map(({ at, service, kind, summary, version, previousVersion, author, commit, source }) => ({ at, service, kind, summary, version, previousVersion, author, commit, source })),
      runtime: pick('runtime').map(({ at, service, kind, count, message }) => ({ at, service, kind, count, message })),
      exceptions: pick('exceptions').map(({ at, service, type, message, count, culprit }) => ({ at, service, type, message, count, culprit })),
      alerts: pick('alerts').map(({ at, service, name, status }) => ({ at, service, name, status })),
    },
    ...(expected ? { expected } : {}),
  });
}

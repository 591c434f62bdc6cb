import type { EvidenceClass, EvidenceItem, EvidencePlan, ProviderQuery } from '../../contracts/index.js';
import { ConfigurationError } from '../../shared/errors.js';
import { selectChanges } from '../changelog/normalize.js';
import { ChangelogOptions } from '../changelog/options.js';
import { fitToBudget, listedFirst, type Ranked } from '../shared/budget.js';
import { gridForWindow } from '../shared/grid.js';
import { TemplateMiner, logPatterns } from '../shared/logs.js';
import { summarizeMetrics, type RawSeries } from '../shared/metrics.js';
import { kindOf, peerOf, summarizeTraces, type RawTrace } from '../shared/traces.js';
import type { EvidenceProvider, ProviderFindings } from '../types.js';
import { loadScenario, type LoadedScenario } from './load.js';

/*
 * Replays a scenario file as if it were a backend: only what a real backend would return
 * for the plan (items inside the window, for the planned services) goes through the same
 * summarizers a real provider uses, under the same byte budget.
 */

const CLASSES: readonly EvidenceClass[] = ['metrics', 'logs', 'traces', 'changes', 'runtime', 'exceptions', 'alerts'];

function fileOf(plan: EvidencePlan): string {
  const file = plan.backend.options.file;
  if (typeof file !== 'string' || file.length === 0) throw new ConfigurationError(`backend ${plan.backend.id}: options.file must name a scenario file`);
  return file;
}

const hhmm = (iso: string) => iso.slice(11, 16);

/** Says what was searched the way a person would: the class, the services, the range. */
function describe(plan: EvidencePlan): ProviderQuery {
  const file = typeof plan.backend.options.file === 'string' ? plan.backend.options.file : '(no file configured)';
  const who = plan.services.length > 0 ? `for ${plan.services.join(', ')}${plan.unlisted ? ' and every other service' : ''}` : 'for all services';
  return { text: `scenario ${plan.evidenceClass} ${who} over ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}Z`, target: file, window: plan.window };
}

interface Scope {
  fromMs: number;
  toMs: number;
  services: Set<string> | undefined;
}

const inScope = (scope: Scope, service: string, atMs: number) => atMs >= scope.fromMs && atMs <= scope.toMs && (!scope.services || scope.services.has(service));

type Collector = (s: LoadedScenario, scope: Scope, plan: EvidencePlan) => { ranked: Ranked<EvidenceItem>[]; noun: string; keptBecause: string };

/** How far before the window the change log looks, by default, for the release and for the config and capacity each service runs with. */
const { releaseLookbackHours, configLookbackHours } = ChangelogOptions.parse({});
const RELEASE_LOOKBACK_MS = releaseLookbackHours * 3600_000;
const CONFIG_LOOKBACK_MS = configLookbackHours * 3600_000;

/** Point events rank by closeness to the alert: what happened just before it matters most. */
const byCloseness = <T extends EvidenceItem & { at: string }>(items: T[], alertAtMs: number): Ranked<EvidenceItem>[] =>
  items.map((item) => ({ item, priority: -Math.abs(Date.parse(item.at) - alertAtMs) }));

type ScenarioMetric = NonNullable<LoadedScenario['evidence']['metrics']>[number];
type ScenarioTrace = NonNullable<LoadedScenario['evidence']['traces']>[number];

const forServices = (scope: Scope, service: string) => !scope.services || scope.services.has(service);

/** A scenario's series as a backend's raw series, its samples inside `[fromMs, toMs]`. */
function rawSeries(s: LoadedScenario, metrics: readonly ScenarioMetric[], scope: Scope, fromMs: number, toMs: number): RawSeries[] {
  return metrics
    .filter((m) => forServices(scope, m.service))
    .map((m) => ({
      service: m.service,
      name: m.name,
      ...(m.labels ? { labels: m.labels } : {}),
      ...(m.unit ? { unit: m.unit } : {}),
      samples: m.points.map(([t, v]) => [s.time(t), v] as const).filter(([t]) => t >= fromMs && t <= toMs),
    }))
    .filter((m) => m.samples.length > 0);
}

/** A scenario's traces as a backend's raw traces: those with a span of a service in scope. */
function rawTraces(s: LoadedScenario, traces: readonly ScenarioTrace[], keep: (service: string, atMs: number) => boolean): RawTrace[] {
  const out: RawTrace[] = [];
  for (const t of traces) {
    const spans = t.spans.map((sp) => ({ spanId: sp.spanId, ...(sp.parentSpanId ? { parentSpanId: sp.parentSpanId } : {}), service: sp.service, name: sp.name, atMs: s.time(sp.at), durationMs: sp.durationMs, status: sp.status, ...(peerOf(sp.attributes) ? { peerService: peerOf(sp.attributes)! } : {}), ...(kindOf(sp.attributes) ? { kind: kindOf(sp.attributes)! } : {}) }));
    if (spans.some((sp) => keep(sp.service, sp.atMs))) out.push({ traceId: t.traceId, spans });
  }
  return out;
}

/*
 * A scenario's `evidence.reference` stands for what the backends would have returned
 * over the tenant's healthy reference windows: it is served whole (inside its own
 * `[from, to]`), for the plan's services, through the same summarizer parameters a real
 * provider fills from `plan.reference`.
 */
const collectors: Record<EvidenceClass, Collector> = {
  metrics: (s, scope, plan) => {
    const ref = s.evidence.reference;
    const reference = ref ? rawSeries(s, ref.metrics ?? [], scope, s.time(ref.from), s.time(ref.to)) : [];
    const raws = rawSeries(s, s.evidence.metrics ?? [], scope, scope.fromMs, scope.toMs);
    return { ranked: summarizeMetrics(raws, gridForWindow(plan.window), Date.parse(plan.alertAt), reference), noun: 'series', keptBecause: 'the most anomalous' };
  },
  logs: (s, scope, plan) => {
    const miner = new TemplateMiner(gridForWindow(plan.window));
    const logs = s.logs;
    for (let i = 0; i < logs.length; i++) {
      const atMs = logs.atMs[i]!;
      const service = logs.services[logs.service[i]!]!;
      if (!inScope(scope, service, atMs)) continue;
      const traceId = logs.traceId.get(i);
      miner.add({ atMs, service, level: logs.levels[logs.level[i]!]!, message: logs.message[i]!, ...(traceId ? { traceId } : {}) });
    }
    const ref = s.evidence.reference;
    const reference = ref ? (ref.logs ?? []).filter((l) => forServices(scope, l.service)).map((l) => ({ atMs: s.time(l.at), service: l.service, level: l.level, message: l.message })) : [];
    return { ranked: logPatterns(miner, Date.parse(plan.alertAt), undefined, reference), noun: 'log patterns', keptBecause: 'errors and the patterns that changed first' };
  },
  traces: (s, scope, plan) => {
    const traces = rawTraces(s, s.evidence.traces ?? [], (service, atMs) => inScope(scope, service, atMs));
    const reference = rawTraces(s, s.evidence.reference?.traces ?? [], (service) => forServices(scope, service));
    return { ranked: summarizeTraces(traces, gridForWindow(plan.window), undefined, reference), noun: 'trace summaries', keptBecause: 'per-service stats first, then error and slowest traces' };
  },
  changes: (s, scope, plan) => {
    // As a change feed reads: the window reached back by the release look-back, then what is live selected as the change log selects it.
    const read = (s.evidence.changes ?? []).filter((c) => s.time(c.at) >= scope.fromMs - RELEASE_LOOKBACK_MS).map((c) => ({ ...c, class: 'changes' as const, at: new Date(s.time(c.at)).toISOString() }));
    return {
      ranked: byCloseness(selectChanges(read, scope.fromMs, scope.toMs, scope.services, scope.fromMs - CONFIG_LOOKBACK_MS), Date.parse(plan.alertAt)),
      noun: 'changes',
      keptBecause: 'the closest to the alert',
    };
  },
  runtime: (s, scope, plan) => ({
    ranked: byCloseness(
      (s.evidence.runtime ?? []).filter((r) => inScope(scope, r.service, s.time(r.at))).map((r) => ({ ...r, class: 'runtime' as const, count: r.count ?? 1, at: new Date(s.time(r.at)).toISOString() })),
      Date.parse(plan.alertAt),
    ),
    noun: 'runtime events',
    keptBecause: 'the closest to the alert',
  }),
  exceptions: (s, scope, plan) => ({
    ranked: byCloseness(
      (s.evidence.exceptions ?? []).filter((e) => inScope(scope, e.service, s.time(e.at))).map((e) => ({ ...e, class: 'exceptions' as const, count: e.count ?? 1, at: new Date(s.time(e.at)).toISOString() })),
      Date.parse(plan.alertAt),
    ),
    noun: 'exception groups',
    keptBecause: 'the closest to the alert',
  }),
  alerts: (s, scope, plan) => ({
    ranked: byCloseness(
      (s.evidence.alerts ?? []).filter((a) => inScope(scope, a.service, s.time(a.at))).map((a) => ({ ...a, class: 'alerts' as const, at: new Date(s.time(a.at)).toISOString() })),
      Date.parse(plan.alertAt),
    ),
    noun: 'related alerts',
    keptBecause: 'the closest to the alert',
  }),
};

/** The scenario "backend": every evidence class, read from the file named by `options.file`. */
export const scenarioProvider: EvidenceProvider = {
  type: 'scenario',
  classes: CLASSES,
  describe,
  async query(plan): Promise<ProviderFindings> {
    const scenario = await loadScenario(fileOf(plan));
    const scope: Scope = {
      fromMs: Date.parse(plan.window.from),
      toMs: Date.parse(plan.window.to),
      services: plan.services.length > 0 && !plan.unlisted ? new Set(plan.services) : undefined,
    };
    const { ranked, noun, keptBecause } = collectors[plan.evidenceClass](scenario, scope, plan);
    const fitted = fitToBudget(listedFirst(ranked, plan), plan.limits.maxBytes, noun, keptBecause, plan.limits.maxItems);
    return { query: describe(plan), items: fitted.items, notes: fitted.notes };
  },
};

/*
 * Spec → causeway.scenario/v1 document, and the checks every written file must pass: it loads
 * with the repo's loader, its alert normalizes to one firing signal for the intended service and
 * start, every item names a topology service, third parties own no series, the reference lies in
 * its window, nothing is dated after the notification, the mustCite classes are present, and no
 * name or description gives away a root cause other than the alerting service.
 */
import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { resolveScenarioTime } from '../../../functions/contracts/scenario.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';
import { signalFor } from './alert-bodies.js';
import { isoAt, logLines, off, rngFor, seriesPoints, traceList, type LogOut, type Spec, type TraceOut } from './lib.js';

const byTime = (a: { at: string }, b: { at: string }, atMs: number) => resolveScenarioTime(a.at, atMs) - resolveScenarioTime(b.at, atMs);

export function buildScenario(spec: Spec): Record<string, unknown> {
  const rand = rngFor(spec.name);
  const atMs = Date.parse(spec.at);
  const end = 0;
  const metrics = spec.series.map((s) => ({
    name: s.name,
    service: s.service,
    ...(s.labels ? { labels: s.labels } : {}),
    ...(s.unit ? { unit: s.unit } : {}),
    points: seriesPoints(s, spec.at, spec.windowStart, end, spec.stepS, rand),
  }));
  const logs: LogOut[] = spec.logs.flatMap((l) => logLines(l, rand, end));
  logs.sort((a, b) => byTime(a, b, atMs));
  const traces: TraceOut[] = spec.traces.flatMap((t) => traceList(t, rand, end));
  const evidence: Record<string, unknown> = {};
  if (spec.referenceDays > 0) {
    const shift = -spec.referenceDays * 86400;
    const refRand = rngFor(`${spec.name}/reference`);
    const refLogs = spec.logs.filter((l) => !l.fault).flatMap((l) => logLines(l, refRand, end, shift));
    refLogs.sort((a, b) => byTime(a, b, atMs));
    evidence['reference'] = {
      from: off(spec.windowStart + shift),
      to: off(shift),
      metrics: spec.series.map((s) => ({
          name: s.name,
          service: s.service,
          ...(s.labels ? { labels: s.labels } : {}),
          ...(s.unit ? { unit: s.unit } : {}),
          points: seriesPoints(s, spec.at, spec.windowStart, end, spec.stepS, refRand, shift, false),
        })),
      logs: refLogs,
      traces: spec.traces.flatMap((t) => traceList({ ...t, everyS: t.everyS * 2 }, refRand, end, shift, false)),
    };
  }
  evidence['metrics'] = metrics;
  if (logs.length) evidence['logs'] = logs;
  if (traces.length) evidence['traces'] = traces;
  const timed = <T extends { at: number }>(items: T[] | undefined) => (items ?? []).slice().sort((a, b) => a.at - b.at).map((i) => ({ ...i, at: off(i.at) }));
  if (spec.changes?.length) evidence['changes'] = timed(spec.changes);
  if (spec.runtime?.length) evidence['runtime'] = timed(spec.runtime);
  if (spec.exceptions?.length) evidence['exceptions'] = timed(spec.exceptions);
  if (spec.alerts?.length) evidence['alerts'] = timed(spec.alerts);
  return {
    format: 'causeway.scenario/v1',
    name: spec.name,
    description: spec.description,
    at: spec.at,
    tenant: 'demo',
    signal: signalFor(spec.source, spec.name, spec.at, spec.alert),
    topology: spec.topology,
    evidence,
    expected: { rootCause: { service: spec.expected.service, kind: spec.expected.kind }, action: spec.expected.action, mustCite: spec.expected.mustCite },
  };
}

const ACTION_FOR: Record<string, string[]> = {
  deployment: ['rollback'],
  config_change: ['revert_config'],
  feature_flag: ['disable_flag'],
  traffic_surge: ['scale_out'],
  resource_exhaustion: ['restart', 'scale_out'],
  dependency_failure: ['none'],
  infrastructure: ['none'],
  code_defect: ['none'],
};

/** Throws naming the scenario and the broken rule. */
export function checkWritten(file: string, spec: Spec): void {
  const fail = (why: string) => {
    throw new Error(`${spec.name}: ${why}`);
  };
  const scenario = loadScenarioFile(file);
  const atMs = Date.parse(scenario.at);
  const signals = getSourceAdapter(scenario.signal.source).normalize(scenario.signal.body, { tenantId: 'demo', receivedAt: new Date(atMs), catalog: {} });
  if (signals.length !== 1) fail(`alert normalizes to ${signals.length} signals`);
  const signal = signals[0]!;
  if (signal.status !== 'firing') fail('alert is not firing');
  if (signal.service !== spec.alert.service) fail(`alert names service ${signal.service}, meant ${spec.alert.service}`);
  if (Date.parse(signal.startedAt) !== Date.parse(isoAt(spec.at, spec.alert.startedAt))) fail(`alert starts ${signal.startedAt}, meant ${isoAt(spec.at, spec.alert.startedAt)}`);
  const topo = new Set<string>();
  for (const [caller, callees] of Object.entries(scenario.topology ?? {})) {
    topo.add(caller);
    for (const c of callees) topo.add(c);
  }
  const count = topo.size;
  if (count < 5 || count > 25) fail(`topology has ${count} services`);
  const external = new Set(spec.external ?? []);
  for (const e of external) if (!topo.has(e)) fail(`external ${e} is not in the topology`);
  if (!topo.has(scenario.expected!.rootCause.service)) fail('root cause is not a topology service');
  if (!topo.has(spec.alert.service)) fail('alerting service is not in the topology');
  if (spec.windowStart > spec.alert.startedAt - 1800) fail('the evidence window does not reach 30 min before the alert started');
  if (!ACTION_FOR[spec.expected.kind]!.includes(spec.expected.action)) fail(`action ${spec.expected.action} does not follow kind ${spec.expected.kind}`);
  const ev = scenario.evidence;
  const owned = (what: string, service: string, at: string | undefined, allowExternal = false) => {
    if (!topo.has(service)) fail(`${what} names ${service}, not a topology service`);
    if (!allowExternal && external.has(service)) fail(`${what} is owned by external ${service}`);
    if (at !== undefined && resolveScenarioTime(at, atMs) > atMs) fail(`${what} is dated after the notification (${at})`);
  };
  for (const m of ev.metrics ?? []) for (const [t] of m.points) owned(`metric ${m.name}`, m.service, t);
  for (const m of ev.metrics ?? []) owned(`metric ${m.name}`, m.service, undefined);
  for (const l of ev.logs ?? []) owned('log', l.service, l.at);
  for (const t of ev.traces ?? []) for (const s of t.spans) owned(`span ${s.name}`, s.service, s.at);
  for (const c of ev.changes ?? []) owned('change', c.service, c.at);
  for (const r of ev.runtime ?? []) owned('runtime event', r.service, r.at);
  for (const x of ev.exceptions ?? []) owned('exception', x.service, x.at);
  for (const a of ev.alerts ?? []) owned(`alert ${a.name}`, a.service, a.at, true);
  const ref = ev.reference;
  if (ref) {
    const from = resolveScenarioTime(ref.from, atMs);
    const to = resolveScenarioTime(ref.to, atMs);
    if (to > atMs || from >= to) fail('reference window is not a healthy earlier period');
    const inside = (what: string, t: string) => {
      const ms = resolveScenarioTime(t, atMs);
      if (ms < from || ms > to) fail(`reference ${what} at ${t} lies outside its window`);
    };
    for (const m of ref.metrics ?? []) {
      owned(`reference metric ${m.name}`, m.service, undefined);
      for (const [t] of m.points) inside(`metric ${m.name}`, t);
    }
    for (const l of ref.logs ?? []) {
      owned('reference log', l.service, undefined);
      inside('log', l.at);
    }
    for (const t of ref.traces ?? []) for (const s of t.spans) {
      owned('reference span', s.service, undefined);
      inside(`span ${s.name}`, s.at);
    }
  }
  const present: Record<string, boolean> = {
    metrics: Boolean(ev.metrics?.length),
    logs: Boolean(ev.logs?.length),
    traces: Boolean(ev.traces?.length),
    changes: Boolean(ev.changes?.length),
    runtime: Boolean(ev.runtime?.length),
    exceptions: Boolean(ev.exceptions?.length),
    alerts: Boolean(ev.alerts?.length),
  };
  for (const c of spec.expected.mustCite) if (!present[c]) fail(`mustCite ${c} has no evidence`);
  const culprit = spec.expected.service;
  if (culprit !== spec.alert.service) {
    const word = new RegExp(`(^|[^a-z0-9])${culprit.replace(/[-]/g, '[-]')}($|[^a-z0-9])`, 'i');
    if (word.test(spec.name) || word.test(spec.description)) fail(`name or description names the root cause ${culprit}`);
  }
}

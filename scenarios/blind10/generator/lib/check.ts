import { loadScenarioFile } from '../../../../cli/scenario-run.js';
import { resolveScenarioTime } from '../../../../functions/contracts/scenario.js';
import { getSourceAdapter } from '../../../../functions/ingest/sources/index.js';
import { danglingEffects, servicesOf } from './build.js';
import { alertStart } from './senders.js';
import type { Spec } from './spec.js';

/**
 * Every check the suite promises, on the file as written: it loads with the repo's own
 * loader, its alert normalizes to one firing signal for the intended service and start, every
 * service it names is in its topology, every effect lands on a series it holds, the reference
 * lies inside its own window, and no change comes after the notification.
 */
export function checkScenario(spec: Spec, file: string): void {
  const fail = (why: string): never => {
    throw new Error(`${spec.name}: ${why}`);
  };
  const scenario = loadScenarioFile(file);
  const atMs = Date.parse(scenario.at);
  const time = (value: string) => resolveScenarioTime(value, atMs);

  const signals = getSourceAdapter(scenario.signal.source).normalize(scenario.signal.body, { tenantId: 'demo', receivedAt: new Date(atMs), catalog: {} });
  if (signals.length !== 1) fail(`the alert normalizes to ${signals.length} signals`);
  const signal = signals[0]!;
  if (signal.status !== 'firing') fail('the alert is not firing');
  if (signal.service !== spec.alert.service) fail(`the alert names ${signal.service}, not ${spec.alert.service}`);
  if (Date.parse(signal.startedAt) !== Date.parse(alertStart(spec))) fail(`the alert starts at ${signal.startedAt}, not ${alertStart(spec)}`);
  if (Date.parse(signal.startedAt) > atMs) fail('the alert starts after the notification');

  const services = new Set(servicesOf(spec));
  const ev = scenario.evidence;
  const named: Array<[string, string]> = [
    ...(ev.metrics ?? []).map((m) => ['metrics', m.service] as [string, string]),
    ...(ev.logs ?? []).map((l) => ['logs', l.service] as [string, string]),
    ...(ev.traces ?? []).flatMap((t) => t.spans.map((s) => ['traces', s.service] as [string, string])),
    ...(ev.changes ?? []).map((c) => ['changes', c.service] as [string, string]),
    ...(ev.runtime ?? []).map((r) => ['runtime', r.service] as [string, string]),
    ...(ev.exceptions ?? []).map((e) => ['exceptions', e.service] as [string, string]),
    ...(ev.alerts ?? []).map((a) => ['alerts', a.service] as [string, string]),
  ];
  for (const [cls, service] of named) if (!services.has(service)) fail(`${cls} names ${service}, which the topology does not`);
  const expected = scenario.expected ?? fail('no expected answer');
  if (!services.has(expected.rootCause.service)) fail(`the root cause ${expected.rootCause.service} is not in the topology`);
  for (const external of spec.external ?? []) if ((ev.metrics ?? []).some((m) => m.service === external)) fail(`${external} is a third party yet has series`);
  for (const cls of expected.mustCite ?? []) {
    const held = cls === 'metrics' ? ev.metrics : cls === 'logs' ? ev.logs : cls === 'traces' ? ev.traces : cls === 'changes' ? ev.changes : cls === 'runtime' ? ev.runtime : cls === 'exceptions' ? ev.exceptions : ev.alerts;
    if (!held?.length) fail(`mustCite names ${cls}, which the file does not hold`);
  }
  const dangling = danglingEffects(spec);
  if (dangling.length) fail(`effects land on no series: ${dangling.map((e) => `${e.svc}/${e.m}`).join(', ')}`);

  for (const change of ev.changes ?? []) if (time(change.at) > atMs) fail(`a change is dated after the notification: ${change.summary}`);
  const stamps = [
    ...(ev.metrics ?? []).flatMap((m) => m.points.map(([t]) => t)),
    ...(ev.logs ?? []).map((l) => l.at),
    ...(ev.traces ?? []).flatMap((t) => t.spans.map((s) => s.at)),
    ...(ev.runtime ?? []).map((r) => r.at),
    ...(ev.exceptions ?? []).map((e) => e.at),
    ...(ev.alerts ?? []).map((a) => a.at),
  ];
  if (stamps.some((t) => time(t) > atMs)) fail('evidence is dated after the notification');
  const ref = ev.reference;
  if (ref) {
    const from = time(ref.from);
    const to = time(ref.to);
    const inside = (t: string) => time(t) >= from && time(t) <= to;
    for (const m of ref.metrics ?? []) for (const [t] of m.points) if (!inside(t)) fail(`reference point ${t} of ${m.service}/${m.name} is outside the reference window`);
    for (const l of ref.logs ?? []) if (!inside(l.at)) fail(`reference log at ${l.at} is outside the reference window`);
    for (const t of ref.traces ?? []) for (const s of t.spans) if (!inside(s.at)) fail(`reference span at ${s.at} is outside the reference window`);
    for (const m of ref.metrics ?? []) if (!(ev.metrics ?? []).some((w) => w.service === m.service && w.name === m.name)) fail(`reference series ${m.service}/${m.name} is not queried in the window`);
  }

  const root = expected.rootCause.service;
  if (root !== spec.alert.service) {
    const word = new RegExp(`(^|[^a-z0-9])${root.replace(/[-]/g, '\\-')}($|[^a-z0-9])`, 'i');
    if (word.test(spec.name)) fail('the file name names the root-cause service');
    if (word.test(scenario.description ?? '')) fail('the description names the root-cause service');
  }
  const actions: Record<string, string[]> = {
    deployment: ['rollback'],
    config_change: ['revert_config'],
    feature_flag: ['disable_flag'],
    resource_exhaustion: ['restart', 'scale_out', 'none'],
    dependency_failure: ['none'],
    infrastructure: ['none'],
    traffic_surge: ['scale_out'],
    code_defect: ['none', 'restart'],
  };
  if (!actions[expected.rootCause.kind]!.includes(expected.action ?? '')) fail(`action ${expected.action} does not undo a ${expected.rootCause.kind}`);
}

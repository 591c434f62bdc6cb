/*
 * The checks every generated file must pass before the generator keeps it: it loads with the
 * repo's own loader, its alert normalizes to the intended service and start time, and its
 * evidence keeps the rules of the suite (README, "Rules every file keeps").
 */
import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { resolveScenarioTime } from '../../../functions/contracts/scenario.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';
import type { Spec } from './lib.js';

function fail(spec: Spec, why: string): never {
  throw new Error(`${spec.name}: ${why}`);
}

/** Throws naming the scenario and the broken rule; returns nothing when the file is sound. */
export function check(spec: Spec, file: string): void {
  const scenario = loadScenarioFile(file);
  const atMs = Date.parse(scenario.at);
  const signals = getSourceAdapter(scenario.signal.source).normalize(scenario.signal.body, { tenantId: 'blind15', receivedAt: new Date(atMs), catalog: {} });
  if (signals.length !== 1) fail(spec, `alert normalizes to ${signals.length} signals`);
  const signal = signals[0]!;
  if (signal.status !== 'firing') fail(spec, 'alert is not firing');
  if (signal.service !== spec.alert.service) fail(spec, `alert names service ${signal.service}, not ${spec.alert.service}`);
  const started = new Date(atMs - spec.alert.since * 60000).toISOString();
  if (Date.parse(signal.startedAt) !== Date.parse(started)) fail(spec, `alert starts at ${signal.startedAt}, not ${started}`);

  const services = new Set([...Object.keys(scenario.topology ?? {}), ...Object.values(scenario.topology ?? {}).flat()]);
  const external = new Set(spec.external ?? []);
  if (!services.has(spec.root.service)) fail(spec, `root cause ${spec.root.service} is not in the topology`);
  if (!services.has(spec.alert.service)) fail(spec, `alerting service ${spec.alert.service} is not in the topology`);
  if (services.size < 5 || services.size > 25) fail(spec, `topology has ${services.size} services`);
  const ev = scenario.evidence;
  const owned = (service: string, what: string) => {
    if (!services.has(service)) fail(spec, `${what} names ${service}, not a topology service`);
    if (external.has(service)) fail(spec, `${what} is owned by the external ${service}`);
  };
  const notAfter = (time: string, what: string) => {
    if (resolveScenarioTime(time, atMs) > atMs) fail(spec, `${what} is dated after the notification`);
  };
  const items: Array<{ service: string; at: string }> = [
    ...(ev.logs ?? []), ...(ev.changes ?? []), ...(ev.runtime ?? []), ...(ev.exceptions ?? []), ...(ev.alerts ?? []),
    ...(ev.traces ?? []).flatMap((t) => t.spans),
  ];
  for (const item of items) { owned(item.service, 'an evidence item'); notAfter(item.at, `an item of ${item.service}`); }
  for (const m of ev.metrics ?? []) { owned(m.service, `series ${m.name}`); for (const [t] of m.points) notAfter(t, `a point of ${m.name}`); }
  if (ev.reference) {
    const from = resolveScenarioTime(ev.reference.from, atMs);
    const to = resolveScenarioTime(ev.reference.to, atMs);
    const inside = (t: string, what: string) => {
      const ms = resolveScenarioTime(t, atMs);
      if (ms < from || ms > to) fail(spec, `reference ${what} lies outside the reference window`);
    };
    for (const m of ev.reference.metrics ?? []) { owned(m.service, `reference series ${m.name}`); for (const [t] of m.points) inside(t, m.name); }
    for (const l of ev.reference.logs ?? []) { owned(l.service, 'a reference log'); inside(l.at, 'log'); }
    for (const s of (ev.reference.traces ?? []).flatMap((t) => t.spans)) { owned(s.service, 'a reference span'); inside(s.at, 'span'); }
  }
  for (const cls of spec.mustCite) {
    const present = (ev as Record<string, unknown[] | undefined>)[cls];
    if (!present?.length) fail(spec, `mustCite ${cls} has no evidence`);
  }
  if (spec.root.service !== spec.alert.service) {
    const named = (text: string) => new RegExp(`(^|[^a-z0-9])${spec.root.service.toLowerCase()}([^a-z0-9]|$)`).test(text.toLowerCase());
    if (named(spec.name) || named(spec.description)) fail(spec, 'the name or description names the root-cause service');
  }
}

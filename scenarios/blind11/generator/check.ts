import { loadScenarioFile } from '../../../cli/scenario-run.js';
import { getSourceAdapter } from '../../../functions/ingest/sources/index.js';
import { resolveScenarioTime } from '../../../functions/contracts/scenario.js';
import type { Spec } from './spec.js';
import { alertBody } from './alerts.js';
import { rngFor } from './prng.js';
import { topologyServices } from './build.js';

/** Every check the brief asks of a written file; throws naming the scenario and the fault. */
export function checkScenarioFile(file: string, spec: Spec): void {
  const fail = (why: string): never => {
    throw new Error(`${spec.name}: ${why}`);
  };
  const scenario = loadScenarioFile(file);
  const atMs = Date.parse(scenario.at);
  const signals = getSourceAdapter(scenario.signal.source).normalize(scenario.signal.body, { tenantId: 'blind11', receivedAt: new Date(atMs), catalog: {} });
  const signal = signals[0] ?? fail('the alert normalizes to no signal');
  if (signals.length !== 1) fail(`the alert normalizes to ${signals.length} signals`);
  if (signal.status !== 'firing') fail('the alert is not firing');
  if (signal.service !== spec.alert.service) fail(`the alert names ${signal.service}, not ${spec.alert.service}`);
  const { startedAt } = alertBody(spec, rngFor(`${spec.name}/alert`));
  if (Date.parse(signal.startedAt) !== Date.parse(startedAt)) fail(`the alert starts at ${signal.startedAt}, not ${startedAt}`);
  if (Date.parse(startedAt) > atMs) fail('the alert starts after it is sent');

  const services = topologyServices(spec);
  const expected = scenario.expected ?? fail('no expected answer');
  if (!services.has(expected.rootCause.service)) fail(`root cause ${expected.rootCause.service} is not in the topology`);
  if (!services.has(spec.alert.service)) fail('the alerting service is not in the topology');
  if (expected.rootCause.service !== spec.alert.service) {
    const root = expected.rootCause.service.toLowerCase();
    if (scenario.name.includes(root) || (scenario.description ?? '').toLowerCase().includes(root)) fail('the name or description names the root-cause service');
  }
  const time = (value: string) => resolveScenarioTime(value, atMs);
  const ev = scenario.evidence;
  const named: Array<{ service: string; at: number; what: string }> = [];
  for (const m of ev.metrics ?? []) for (const [t] of m.points) named.push({ service: m.service, at: time(t), what: `metric ${m.name}` });
  for (const l of ev.logs ?? []) named.push({ service: l.service, at: time(l.at), what: 'log' });
  for (const tr of ev.traces ?? []) for (const s of tr.spans) named.push({ service: s.service, at: time(s.at), what: 'span' });
  for (const c of ev.changes ?? []) named.push({ service: c.service, at: time(c.at), what: 'change' });
  for (const r of ev.runtime ?? []) named.push({ service: r.service, at: time(r.at), what: 'runtime event' });
  for (const x of ev.exceptions ?? []) named.push({ service: x.service, at: time(x.at), what: 'exception' });
  for (const a of ev.alerts ?? []) named.push({ service: a.service, at: time(a.at), what: 'alert' });
  for (const item of named) {
    if (!services.has(item.service)) fail(`${item.what} names ${item.service}, not a topology service`);
    if (item.at > atMs) fail(`${item.what} of ${item.service} is dated after the notification`);
  }
  const external = new Set(spec.external ?? []);
  for (const m of ev.metrics ?? []) if (external.has(m.service)) fail(`third party ${m.service} has a series of its own`);
  const ref = ev.reference;
  if (ref) {
    const from = time(ref.from);
    const to = time(ref.to);
    const inside = (t: string, what: string) => {
      const ms = time(t);
      if (ms < from || ms > to) fail(`reference ${what} at ${t} lies outside [from, to]`);
    };
    for (const m of ref.metrics ?? []) {
      if (!services.has(m.service)) fail(`reference metric names ${m.service}`);
      for (const [t] of m.points) inside(t, `metric ${m.name}`);
    }
    for (const l of ref.logs ?? []) inside(l.at, 'log');
    for (const tr of ref.traces ?? []) for (const s of tr.spans) inside(s.at, 'span');
  }
  for (const cls of expected.mustCite ?? []) {
    const held = cls === 'metrics' ? ev.metrics : cls === 'logs' ? ev.logs : cls === 'traces' ? ev.traces : cls === 'changes' ? ev.changes : cls === 'runtime' ? ev.runtime : cls === 'exceptions' ? ev.exceptions : ev.alerts;
    if (!held?.length) fail(`mustCite ${cls} but the file holds none`);
  }
}

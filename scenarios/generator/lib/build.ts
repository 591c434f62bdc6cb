import { backgroundLogs, patternLogs, sortLogs, type TimedLog } from './logs.js';
import { buildSeries, compose } from './metrics.js';
import { Rng } from './prng.js';
import { when } from './time.js';
import { buildTraces } from './traces.js';
import type { MetricOut, ScenarioSpec, Shape } from './types.js';

/** Turns a scenario spec into the causeway.scenario/v1 document. */
export function buildScenario(spec: ScenarioSpec): Record<string, unknown> {
  const root = new Rng(spec.seed);
  const scope = new Set(spec.services ?? spec.system.services.map((s) => s.name));
  const services = spec.system.services.filter((s) => scope.has(s.name));
  const byName = new Map(spec.system.services.map((s) => [s.name, s]));
  const noise = spec.noise ?? 1;

  const traceSet = spec.traces ? buildTraces(root.fork('traces'), spec.at, spec.system.flows, spec.traces, spec.onset) : undefined;

  const metrics: MetricOut[] = [];
  for (const service of services) {
    for (const def of service.series) {
      const gaps = (spec.gaps ?? [])
        .filter(([s, , , key]) => s === service.name && (key === undefined || key === def.key))
        .map(([, a, b]): [number, number] => [a, b]);
      const shapes: Shape[] = (spec.effects ?? []).filter((e) => e.service === service.name && e.key === def.key).map((e) => e.shape);
      const r = root.fork(`metric:${service.name}:${def.key}`);
      metrics.push(buildSeries(r, def, service.name, { noise, gaps, ...(shapes.length ? { shape: compose(...shapes) } : {}) }));
    }
  }
  for (const extra of spec.extraSeries ?? []) {
    const r = root.fork(`extra:${extra.service}:${extra.def.name}:${JSON.stringify(extra.def.labels ?? {})}`);
    metrics.push(
      buildSeries(r, extra.def, extra.service, {
        noise,
        gaps: [],
        ...(extra.shape ? { shape: extra.shape } : {}),
        ...(extra.from !== undefined ? { from: extra.from } : {}),
      }),
    );
  }

  let logs: TimedLog[] | undefined;
  if (spec.logs !== false) {
    logs = [];
    for (const service of services) logs.push(...backgroundLogs(root.fork(`logs:${service.name}`), service, noise));
    (spec.logs ?? []).forEach((pattern, i) => {
      const ids = traceSet?.incidentIds.get(pattern.service) ?? [];
      logs!.push(...patternLogs(root.fork(`pattern:${i}`), pattern, byName.get(pattern.service), ids));
    });
  }

  const evidence: Record<string, unknown> = { metrics };
  if (logs) evidence.logs = sortLogs(logs);
  if (traceSet) evidence.traces = traceSet.traces;
  evidence.changes = (spec.changes ?? []).map((c) => ({ ...c, at: when(c.at) }));
  evidence.runtime = (spec.runtime ?? []).map((c) => ({ ...c, at: when(c.at) }));
  evidence.exceptions = (spec.exceptions ?? []).map((c) => ({ ...c, at: when(c.at) }));
  evidence.alerts = (spec.alerts ?? []).map((c) => ({ ...c, at: when(c.at) }));

  return {
    format: 'causeway.scenario/v1',
    name: spec.name,
    description: spec.description,
    at: spec.at,
    tenant: 'demo',
    signal: spec.signal,
    topology: spec.system.topology,
    evidence,
    expected: spec.expected,
  };
}

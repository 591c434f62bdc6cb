import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small seeded random source, so synthetic scenarios are the same on every run. */
export function seeded(seed: number): () => number {
  let x = seed >>> 0;
  return () => ((x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** A metric series of one point a minute over the last hour, noisy around `base`, shifted to `after` from `onsetMin` minutes before the alert. */
export function series(service: string, name: string, base: number, after: number | undefined, onsetMin: number, rand: () => number) {
  const points: [string, number][] = [];
  for (let m = 60; m >= 0; m--) {
    const level = after !== undefined && m <= onsetMin ? after : base;
    points.push([m === 0 ? '-0m' : `-${m}m`, Number((level * (1 + (rand() - 0.5) * 0.1)).toFixed(5))]);
  }
  return { name, service, points };
}

/** An Alertmanager webhook for one firing alert on `service`. */
export function alert(service: string, name = 'HighErrorRate') {
  return {
    source: 'alertmanager',
    body: {
      receiver: 'causeway',
      status: 'firing',
      alerts: [{ status: 'firing', labels: { alertname: name, service, severity: 'critical' }, annotations: { summary: `${service} ${name}` }, startsAt: '2026-06-01T08:59:30Z', endsAt: '0001-01-01T00:00:00Z', fingerprint: `fp-${service}` }],
      groupLabels: { alertname: name },
      commonLabels: { alertname: name, service },
      commonAnnotations: {},
      externalURL: 'http://alertmanager:9093',
      version: '4',
      groupKey: `{}:{alertname="${name}"}`,
      truncatedAlerts: 0,
    },
  };
}

/** Writes a scenario to a temp file and returns its path. */
export function writeScenario(scenario: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-score-'));
  const file = join(dir, `${String(scenario.name)}.json`);
  writeFileSync(file, JSON.stringify({ format: 'causeway.scenario/v1', at: '2026-06-01T09:00:00Z', ...scenario }));
  return file;
}

/**
 * A site's power lost under `config`, `auth` and `logs`, which lose hosts together while
 * `front`, their caller, pages; `changes` are added to its evidence as they are.
 */
export function siteLossScenario(name: string, seed: number, changes: readonly Record<string, unknown>[] = []): string {
  const r = seeded(seed);
  return writeScenario({
    name,
    signal: alert('front'),
    topology: { front: ['config', 'auth'], config: ['site'], auth: ['site'], logs: ['site'] },
    evidence: {
      metrics: [
        series('front', 'http_server_error_ratio', 0.002, 0.4, 8, r),
        series('config', 'http_server_error_ratio', 0.003, 0.5, 9, r),
        series('auth', 'http_server_error_ratio', 0.002, 0.6, 9, r),
        series('logs', 'http_server_error_ratio', 0.02, 0.9, 8, r),
        { name: 'dcim_power_feeds_available', service: 'site', points: Array.from({ length: 61 }, (_, i) => [i === 60 ? '-0m' : `-${60 - i}m`, 60 - i > 10 ? 2 : 0]) },
      ],
      runtime: [
        { at: '-9m', service: 'config', kind: 'unhealthy', count: 14, message: 'hosts unreachable: 14 of 20 instances' },
        { at: '-9m', service: 'auth', kind: 'unhealthy', count: 6, message: 'hosts unreachable: 6 of 10 instances' },
        { at: '-8m', service: 'logs', kind: 'unhealthy', count: 9, message: 'hosts unreachable: 9 of 12 instances' },
      ],
      changes,
    },
    expected: { rootCause: { service: 'site', kind: 'infrastructure' }, action: 'none' },
  });
}

import { z } from 'zod';
import { EvidenceClass, RootCauseKind, ActionKind } from './common.js';
import { SignalSource } from './signal.js';

/*
 * The incident scenario format v1 (shared/scenario-format.md), a public contract.
 * Unknown fields are ignored (zod strips them) so the format can grow.
 */

const OFFSET = /^([+-])((?:\d+h)?(?:\d+m)?(?:\d+s)?)$/;

/** Resolves a scenario time: an ISO-8601 string, or an offset from `at` such as "-5m", "+30s", "-1h30m". */
export function resolveScenarioTime(value: string, atMs: number): number {
  const offset = OFFSET.exec(value);
  if (offset && offset[2]) {
    const [, sign, body] = offset;
    let seconds = 0;
    for (const [, n, unit] of body!.matchAll(/(\d+)([hms])/g)) {
      seconds += Number(n) * (unit === 'h' ? 3600 : unit === 'm' ? 60 : 1);
    }
    return atMs + (sign === '-' ? -1 : 1) * seconds * 1000;
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`not an ISO-8601 time or an offset like -5m: ${JSON.stringify(value)}`);
  return ms;
}

const ScenarioTime = z.string().refine(
  (v) => OFFSET.test(v) || !Number.isNaN(Date.parse(v)),
  'an ISO-8601 time or an offset like "-5m", "+30s", "-1h30m"',
);

const Level = z.enum(['debug', 'info', 'warn', 'error', 'fatal']);

const ScenarioMetrics = z.array(
  z.object({
    name: z.string().min(1),
    service: z.string().min(1),
    labels: z.record(z.string(), z.string()).optional(),
    unit: z.string().optional(),
    points: z.array(z.tuple([ScenarioTime, z.number()])),
  }),
);
const ScenarioLogs = z.array(
  z.object({
    at: ScenarioTime,
    service: z.string().min(1),
    level: Level,
    message: z.string(),
    attributes: z.record(z.string(), z.unknown()).optional(),
    traceId: z.string().optional(),
  }),
);
const ScenarioTraces = z.array(
  z.object({
    traceId: z.string().min(1),
    spans: z.array(
      z.object({
        spanId: z.string().min(1),
        parentSpanId: z.string().optional(),
        service: z.string().min(1),
        name: z.string(),
        at: ScenarioTime,
        durationMs: z.number().nonnegative(),
        status: z.enum(['ok', 'error']),
        attributes: z.record(z.string(), z.unknown()).optional(),
      }),
    ),
  }),
);

/** What the same backends returned for a healthy period (format: `evidence.reference`). */
export const ScenarioReference = z.object({
  from: ScenarioTime,
  to: ScenarioTime,
  metrics: ScenarioMetrics.optional(),
  logs: ScenarioLogs.optional(),
  traces: ScenarioTraces.optional(),
});
export type ScenarioReference = z.infer<typeof ScenarioReference>;

export const ScenarioEvidence = z.object({
  reference: ScenarioReference.optional(),
  metrics: ScenarioMetrics.optional(),
  logs: ScenarioLogs.optional(),
  traces: ScenarioTraces.optional(),
  changes: z
    .array(
      z.object({
        at: ScenarioTime,
        service: z.string().min(1),
        kind: z.enum(['deployment', 'config', 'feature_flag', 'infrastructure', 'scaling']),
        summary: z.string(),
        version: z.string().optional(),
        previousVersion: z.string().optional(),
        author: z.string().optional(),
        commit: z.string().optional(),
        source: z.string().optional(),
      }),
    )
    .optional(),
  runtime: z
    .array(
      z.object({
        at: ScenarioTime,
        service: z.string().min(1),
        kind: z.enum(['restart', 'oom_killed', 'crash_loop', 'unhealthy', 'throttled', 'evicted', 'node_pressure']),
        count: z.number().int().positive().optional(),
        message: z.string().optional(),
      }),
    )
    .optional(),
  exceptions: z
    .array(
      z.object({
        at: ScenarioTime,
        service: z.string().min(1),
        type: z.string(),
        message: z.string(),
        count: z.number().int().positive().optional(),
        culprit: z.string().optional(),
      }),
    )
    .optional(),
  alerts: z
    .array(
      z.object({
        at: ScenarioTime,
        service: z.string().min(1),
        name: z.string(),
        status: z.enum(['firing', 'resolved']),
      }),
    )
    .optional(),
});
export type ScenarioEvidence = z.infer<typeof ScenarioEvidence>;

export const ScenarioExpected = z.object({
  rootCause: z.object({ service: z.string().min(1), kind: RootCauseKind }),
  action: ActionKind.optional(),
  mustCite: z.array(EvidenceClass).optional(),
});
export type ScenarioExpected = z.infer<typeof ScenarioExpected>;

export const Scenario = z.object({
  format: z.literal('causeway.scenario/v1'),
  name: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case'),
  description: z.string().optional(),
  at: z.iso.datetime({ offset: true }),
  tenant: z.string().default('demo'),
  signal: z.object({
    source: SignalSource,
    headers: z.record(z.string(), z.string()).optional(),
    body: z.unknown(),
  }),
  topology: z.record(z.string(), z.array(z.string())).optional(),
  evidence: ScenarioEvidence.default({}),
  expected: ScenarioExpected.optional(),
});
export type Scenario = z.infer<typeof Scenario>;

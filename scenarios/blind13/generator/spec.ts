import type { Builder, T } from './builder.js';
import type { AlertSpec } from './signals.js';

export type Kind = 'deployment' | 'config_change' | 'feature_flag' | 'resource_exhaustion' | 'dependency_failure' | 'infrastructure' | 'traffic_surge' | 'code_defect';
export type Action = 'rollback' | 'restart' | 'scale_out' | 'revert_config' | 'disable_flag' | 'none';
export type Cls = 'metrics' | 'logs' | 'traces' | 'changes' | 'runtime' | 'exceptions' | 'alerts';

/** One scenario, written once; generate.ts turns it into the file and checks it. */
export interface Spec {
  name: string;
  description: string;
  /** ISO time the alert notification arrives. */
  at: string;
  /** Shop's local time zone, hours from UTC (diurnal load peaks at 14:00 local). */
  tz: number;
  /** Evidence window start, e.g. `-3h`. */
  window: T;
  /** Default metric step in seconds (CloudWatch shops: 300). */
  step: number;
  /** A healthy reference a week or a day earlier, or none. */
  ref: 'week' | 'day' | false;
  alert: Omit<AlertSpec, 'startsAt'> & { startsAt: T };
  topology: Record<string, string[]>;
  /** Third parties and managed AWS services: never own a series. */
  external: string[];
  build(b: Builder): void;
  expected: { service: string; kind: Kind; action: Action; mustCite: Cls[] };
  readme: { model: string; clue: string };
}

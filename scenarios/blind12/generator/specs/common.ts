/* Small builders the specs share: always-on log chatter, fault logs, deploys. */
import { h, type ChangeSpec, type Level, type LogSpec, type Sec, type Spec } from '../lib.js';

/** A line a healthy service writes all the time (also in the reference week). */
export const chatter = (svc: string, msg: string, every: Sec, level: Level = 'info'): LogSpec => ({ svc, level, msg, from: -h(48), to: 0, every, ref: true });

/** Lines written only from `from` on: the fault's own words, or a later hotfix's. */
export const during = (svc: string, level: Level, msg: string, from: Sec, every: Sec, to: Sec = 0): LogSpec => ({ svc, level, msg, from, to, every });

export const deploy = (at: Sec, svc: string, previousVersion: string, version: string, summary?: string, author = 'ci-bot'): ChangeSpec => ({
  at,
  svc,
  kind: 'deployment',
  summary: summary ?? `deploy ${svc} ${version}`,
  version,
  previousVersion,
  author,
});

/**
 * The same incident, noticed `sec` seconds later: every fault, change, runtime event, exception,
 * alert and fault log moves back by `sec` and the window grows by as much, so the alert
 * arrives after it has been firing for hours (a repeat, an escalation, a re-notification).
 */
export function firingFor(spec: Spec, sec: Sec): Spec {
  const back = <T extends { at: Sec }>(x: T): T => ({ ...x, at: x.at - sec });
  return {
    ...spec,
    from: (spec.from ?? -h(2)) - sec,
    step: spec.step ?? (spec.source.startsWith('cloudwatch') ? undefined : 120),
    alert: { ...spec.alert, start: spec.alert.start - sec, renotify: spec.source === 'pagerduty' || spec.source === 'opsgenie' ? true : spec.alert.renotify },
    effects: spec.effects?.map((e) => ({ ...back(e), ...(e.until !== undefined ? { until: e.until - sec } : {}) })),
    series: spec.series?.map((s) => ({ ...s, effects: s.effects?.map((e) => ({ ...back(e), ...(e.until !== undefined ? { until: e.until - sec } : {}) })) })),
    logs: spec.logs?.map((l) => (l.ref ? l : { ...l, from: l.from - sec, to: l.to === 0 ? 0 : l.to - sec })),
    changes: spec.changes?.map(back),
    runtime: spec.runtime?.map(back),
    exceptions: spec.exceptions?.map(back),
    alerts: spec.alerts?.map(back),
  };
}

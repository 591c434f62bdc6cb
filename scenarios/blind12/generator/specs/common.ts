/* Small builders the specs share: always-on log chatter, fault logs, deploys. */
import { h, type ChangeSpec, type Level, type LogSpec, type Sec } from '../lib.js';

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

import type { Severity } from '../../../contracts/signal.js';

/**
 * Free-text severities as teams write them in `severity` labels and tags, on our one scale.
 * Keys are compared lower-cased with punctuation removed, so `SEV-1`, `sev_1` and `Sev1` agree.
 * `page` is critical: it is the label teams use for "wake someone up".
 */
const SEVERITY_WORDS: Record<string, Severity> = {
  critical: 'critical',
  crit: 'critical',
  fatal: 'critical',
  emergency: 'critical',
  emerg: 'critical',
  alert: 'critical',
  page: 'critical',
  disaster: 'critical',
  p0: 'critical',
  p1: 'critical',
  sev0: 'critical',
  sev1: 'critical',
  high: 'high',
  error: 'high',
  err: 'high',
  major: 'high',
  severe: 'high',
  p2: 'high',
  sev2: 'high',
  warning: 'warning',
  warn: 'warning',
  minor: 'warning',
  medium: 'warning',
  moderate: 'warning',
  average: 'warning',
  p3: 'warning',
  sev3: 'warning',
  info: 'info',
  informational: 'info',
  information: 'info',
  notice: 'info',
  low: 'info',
  none: 'info',
  ok: 'info',
  debug: 'info',
  p4: 'info',
  p5: 'info',
  sev4: 'info',
  sev5: 'info',
};

/** Label keys that carry a severity, most specific first. */
export const SEVERITY_KEYS = ['severity', 'sev', 'priority', 'level'] as const;

/** Maps a sender's severity word to our scale; undefined when the word is unknown. */
export function severityFromWord(value: string | undefined): Severity | undefined {
  if (!value) return undefined;
  const key = value.toLowerCase().replace(/[^a-z0-9]/g, '');
  return Object.hasOwn(SEVERITY_WORDS, key) ? SEVERITY_WORDS[key] : undefined;
}

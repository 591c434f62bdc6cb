import type { Severity } from '../../../contracts/signal.js';
import { severityFromWord } from '../shared/severity.js';
import type { DatadogWebhook } from './schema.js';

/**
 * `$ALERT_TRANSITION` → status. Recovered is the only resolution; everything else (Triggered,
 * Re-Triggered, Warn, Re-Warn, No Data, Re-No Data, Renotify) means the monitor is not OK.
 */
export function datadogStatus(transition: string): 'firing' | 'resolved' {
  return /^recovered$/i.test(transition.trim()) ? 'resolved' : 'firing';
}

/**
 * | Datadog                                   | severity |
 * |-------------------------------------------|----------|
 * | `$ALERT_PRIORITY` P1 / P2 / P3 / P4, P5   | critical / high / warning / info |
 * | transition Triggered, alert type `error`  | high     |
 * | transition Warn, alert type `warning`     | warning  |
 * | transition No Data                        | info     |
 * | Recovered without a priority              | info     |
 *
 * The monitor priority is the team's own ranking, so it wins; `$PRIORITY` (normal/low) is the
 * event's display priority and is kept as a label only.
 */
export function datadogSeverity(payload: DatadogWebhook): Severity {
  const byPriority = severityFromWord(payload.alert_priority);
  if (byPriority) return byPriority;
  const transition = payload.transition.toLowerCase();
  if (datadogStatus(transition) === 'resolved' || transition.includes('no data')) return 'info';
  if (transition.includes('warn') || payload.alert_type === 'warning') return 'warning';
  return 'high';
}

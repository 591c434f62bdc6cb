import type { Severity } from '../../../contracts/signal.js';

const PRIORITY: Record<string, Severity> = { P1: 'critical', P2: 'high', P3: 'warning', P4: 'info', P5: 'info' };

/**
 * | Opsgenie priority | P1       | P2   | P3      | P4   | P5   |
 * |-------------------|----------|------|---------|------|------|
 * | severity          | critical | high | warning | info | info |
 *
 * An alert without a priority is P3, Opsgenie's own default.
 */
export function opsgenieSeverity(priority: string | undefined): Severity {
  const key = (priority ?? 'P3').trim().toUpperCase();
  return Object.hasOwn(PRIORITY, key) ? PRIORITY[key]! : 'warning';
}

/**
 * Actions that open or close an alert. Notes, tags, assignments and custom actions change no
 * state and yield no signal: a note on a closed alert must not reopen it.
 */
export const ACTION_STATUS: Record<string, 'firing' | 'resolved'> = {
  Create: 'firing',
  Acknowledge: 'firing',
  UnAcknowledge: 'firing',
  EscalateToNext: 'firing',
  Escalate: 'firing',
  UpdatePriority: 'firing',
  SnoozeEnded: 'firing',
  Close: 'resolved',
  Delete: 'resolved',
};

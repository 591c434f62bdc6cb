import type { LifecycleEventKind, Severity } from '../../../contracts/signal.js';

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
 * Webhook actions and what each is in the alert's lifecycle: `Create` opens an investigation,
 * `Close` and `Delete` close it, the others update it (a note on a closed alert never reopens
 * it). Tags, recipients, teams, message edits and custom actions yield no signal.
 */
export const OPSGENIE_ACTIONS: Record<string, LifecycleEventKind> = {
  Create: 'opened',
  Acknowledge: 'acknowledged',
  UnAcknowledge: 'unacknowledged',
  Escalate: 'escalated',
  EscalateToNext: 'escalated',
  AssignOwnership: 'reassigned',
  TakeOwnership: 'reassigned',
  UpdatePriority: 'priority_changed',
  AddNote: 'note_added',
  Snooze: 'snoozed',
  SnoozeEnded: 'unsnoozed',
  Close: 'resolved',
  Delete: 'deleted',
};

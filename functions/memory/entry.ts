import { z } from 'zod';
import { InvestigationId, IsoTime, RootCauseKind, type InvestigationRecord } from '../contracts/index.js';
import { MAX_FEATURES, recordFeatures } from './features.js';

/**
 * A concluded investigation as memory keeps it: its features to compare, and the few
 * words on-call reads ("rollback of pricing v3.12.0, approved by …, recovered within 6 min").
 * Small on purpose (about 1 KiB), so recall reads memory items, never whole records.
 */
export const MemoryEntry = z.object({
  investigationId: InvestigationId,
  at: IsoTime,
  service: z.string().max(200).optional(),
  kind: RootCauseKind.optional(),
  alertService: z.string().max(200).optional(),
  fingerprint: z.string().max(300),
  templates: z.array(z.string().max(200)).max(MAX_FEATURES),
  exceptionTypes: z.array(z.string().max(200)).max(MAX_FEATURES),
  summary: z.string().max(500),
  action: z.string().max(300).optional(),
  decidedBy: z.string().max(200).optional(),
  outcome: z.string().max(200),
  /** A verified person's verdict, once given; a correction replaces the diagnosed cause when matching. */
  verdict: z.enum(['right', 'wrong']).optional(),
  correctedTo: z.object({ service: z.string().max(200), kind: RootCauseKind }).optional(),
});
export type MemoryEntry = z.infer<typeof MemoryEntry>;

/** "rollback of pricing v3.12.0": the action and, for a rollback, the version it took away. */
function actionWords(record: InvestigationRecord): string | undefined {
  const action = record.policy?.action;
  if (!action) return undefined;
  const deployed = record.scored?.evidence.find((item) => item.class === 'changes' && item.service === action.service && item.kind === 'deployment' && item.version);
  const version = action.kind === 'rollback' && deployed?.class === 'changes' ? ` ${deployed.version}` : '';
  return `${action.kind.replace('_', ' ')} of ${action.service}${version}`.slice(0, 300);
}

/** How it ended, in a few words. */
export function outcomeWords(record: InvestigationRecord): string {
  const minutes = (to: string) => Math.max(1, Math.ceil((Date.parse(to) - Date.parse(record.signal.startedAt)) / 60_000));
  if (record.outcome) return record.outcome.status === 'recovered' ? `recovered within ${minutes(record.outcome.checkedAt)} min` : 'not recovered after the fix';
  switch (record.remediation?.status) {
    case 'dry_run':
      return 'dry-run only, nothing changed';
    case 'failed':
      return 'the fix failed';
    case 'refused':
      return 'the fix was refused at run time';
    case 'applied':
      return 'fix applied, recovery not verified';
    default:
      break;
  }
  const byStatus: Partial<Record<InvestigationRecord['status'], string>> = {
    diagnosed: 'no action taken',
    denied: 'action denied by policy',
    rejected: 'fix rejected',
    expired: 'approval expired',
    failed: 'investigation failed',
  };
  return byStatus[record.status] ?? record.status;
}

/** The memory entry of a finished record; undefined for one without a diagnosis (nothing to recognise it by). */
export function memoryEntryOf(record: InvestigationRecord): MemoryEntry | undefined {
  if (!record.rca) return undefined;
  const features = recordFeatures(record);
  const approval = record.approval;
  const decidedBy = approval?.decidedBy ? `${approval.status} by ${approval.decidedBy}` : record.policy?.decision === 'auto' ? 'run automatically by policy' : undefined;
  const feedback = record.feedback?.at(-1);
  return MemoryEntry.parse({
    investigationId: record.investigationId,
    at: record.createdAt,
    ...features,
    summary: record.rca.rootCause.statement.text.slice(0, 500),
    action: actionWords(record),
    decidedBy: decidedBy?.slice(0, 200),
    outcome: outcomeWords(record),
    ...(feedback ? { verdict: feedback.verdict, ...(feedback.rootCause ? { correctedTo: feedback.rootCause } : {}) } : {}),
  });
}

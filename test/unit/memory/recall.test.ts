import { describe, expect, it } from 'vitest';
import { memoryEntryOf, type MemoryEntry } from '../../../functions/memory/entry.js';
import { recordFeatures } from '../../../functions/memory/features.js';
import { MAX_SIMILAR, rankSimilar, seenBeforeLine, similarity } from '../../../functions/memory/recall.js';
import { diagnosedRecord } from '../../helpers/investigation-records.js';

const entry = (shape: Parameters<typeof diagnosedRecord>[0], extra: Partial<MemoryEntry> = {}): MemoryEntry => ({ ...memoryEntryOf(diagnosedRecord(shape))!, ...extra });

describe('similarity', () => {
  const current = recordFeatures(diagnosedRecord({ id: 'now', templates: ['QuoteCart failed <*>'], exceptionTypes: ['java.lang.ArithmeticException'] }));

  it('weighs the same cause, the same alert, shared templates and exception types, and says why', () => {
    const { score, shared } = similarity(current, entry({ id: 'past', templates: ['QuoteCart failed <*>'], exceptionTypes: ['java.lang.ArithmeticException'] }));
    expect(score).toBe(1);
    expect(shared).toEqual(['same root cause: pricing deployment', 'same alert', 'log template "QuoteCart failed <*>"', 'exception java.lang.ArithmeticException']);
  });

  it('the same service with another kind counts less than the same cause', () => {
    const sameCause = similarity(current, entry({ id: 'a', fingerprint: 'other' })).score;
    const sameService = similarity(current, entry({ id: 'b', fingerprint: 'other', kind: 'config_change' })).score;
    expect(sameCause).toBe(0.5);
    expect(sameService).toBe(0.2);
  });

  it('a person’s correction replaces the diagnosed cause; an RCA marked wrong no longer matches on its cause', () => {
    const corrected = entry({ id: 'c', service: 'checkout', fingerprint: 'other' }, { verdict: 'wrong', correctedTo: { service: 'pricing', kind: 'deployment' } });
    expect(similarity(current, corrected).shared).toContain('same root cause: pricing deployment');
    const wrong = entry({ id: 'd', fingerprint: 'other' }, { verdict: 'wrong' });
    expect(similarity(current, wrong).score).toBe(0);
  });
});

describe('rankSimilar', () => {
  const current = recordFeatures(diagnosedRecord({ id: 'now' }));

  it('drops itself, duplicates and mere resemblances, ranks most alike then most recent, and stays bounded', () => {
    const candidates = [
      entry({ id: 'old', createdAt: '2026-05-01T00:00:00.000Z' }),
      entry({ id: 'new', createdAt: '2026-05-20T00:00:00.000Z' }),
      entry({ id: 'new', createdAt: '2026-05-20T00:00:00.000Z' }),
      entry({ id: 'weak', service: 'cart', fingerprint: 'other', templates: ['x <*>'] }),
      entry({ id: 'now' }),
      entry({ id: 'alert-only', service: 'cart', kind: 'traffic_surge' }),
    ];
    expect(rankSimilar(current, 'now', candidates).map((s) => s.investigationId)).toEqual(['new', 'old', 'alert-only']);
    const many = Array.from({ length: 30 }, (_, i) => entry({ id: `p${i}`, createdAt: new Date(Date.UTC(2026, 4, 1 + i)).toISOString() }));
    expect(rankSimilar(current, 'now', many)).toHaveLength(MAX_SIMILAR);
  });

  it('says it in one line: how often, and the last one’s action, decider and outcome', () => {
    const similar = rankSimilar(current, 'now', [
      entry({ id: 'first', createdAt: '2026-05-01T00:00:00.000Z' }, { action: 'rollback of pricing v3.11.0', outcome: 'dry-run only, nothing changed' }),
      entry({ id: 'last', createdAt: '2026-05-20T00:00:00.000Z' }, { action: 'rollback of pricing v3.12.0', decidedBy: 'approved by U024BE7LH', outcome: 'recovered within 6 min' }),
    ]);
    expect(seenBeforeLine(similar)).toBe('seen 2 times in 90 days; last: rollback of pricing v3.12.0, approved by U024BE7LH, recovered within 6 min (2026-05-20, last)');
    expect(seenBeforeLine([])).toBeUndefined();
  });
});

describe('memoryEntryOf', () => {
  it('keeps the words on-call reads: the rolled-back version, who decided and how it ended', () => {
    const record = diagnosedRecord();
    const finished = {
      ...record,
      status: 'remediated' as const,
      policy: { decision: 'approve' as const, reasons: ['needs a human'], approvalTimeoutSeconds: 3600, action: { actionId: 'a1', kind: 'rollback' as const, service: 'pricing', target: {}, params: {}, risk: 'medium' as const, reversible: true, undo: 'redo', blastRadius: 'pricing', dryRun: false, plan: [], verifyAfterSeconds: 300 } },
      approval: { approvalId: 'ap1', status: 'approved' as const, expiresAt: '2026-06-01T11:00:00.000Z', decidedBy: 'U024BE7LH', decidedAt: '2026-06-01T10:02:00.000Z' },
      remediation: { actionId: 'a1', status: 'applied' as const, summary: 'rolled back', changes: [], at: '2026-06-01T10:02:10.000Z' },
      outcome: { status: 'recovered' as const, basis: 'alert_state' as const, checkedAt: '2026-06-01T10:05:30.000Z', detail: 'resolved' },
    };
    expect(memoryEntryOf(finished)).toMatchObject({ action: 'rollback of pricing v3.12.0', decidedBy: 'approved by U024BE7LH', outcome: 'recovered within 6 min', service: 'pricing', kind: 'deployment' });
    expect(memoryEntryOf({ ...record, rca: undefined })).toBeUndefined();
  });
});

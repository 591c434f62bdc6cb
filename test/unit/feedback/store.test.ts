import { describe, expect, it } from 'vitest';
import type { RcaFeedback } from '../../../functions/contracts/index.js';
import { MAX_FEEDBACK, mergeFeedback } from '../../../functions/feedback/store.js';

const verdict = (subject: string, v: RcaFeedback['verdict'] = 'right', issuer = 'https://slack.com'): RcaFeedback => ({ at: '2026-06-01T10:00:00.000Z', by: { issuer, subject }, verdict: v });

describe('mergeFeedback', () => {
  it('keeps one verdict per verified author, the latest, and tells issuers apart', () => {
    const merged = mergeFeedback([verdict('T1/U1'), verdict('T1/U2'), verdict('T1/U1', 'right', 'causeway:tenant-token')], verdict('T1/U1', 'wrong'));
    expect(merged.map((f) => `${f.by.issuer} ${f.by.subject} ${f.verdict}`)).toEqual(['https://slack.com T1/U2 right', 'causeway:tenant-token T1/U1 right', 'https://slack.com T1/U1 wrong']);
  });

  it('stays bounded, dropping the oldest', () => {
    const many = Array.from({ length: MAX_FEEDBACK }, (_, i) => verdict(`T1/U${i}`));
    const merged = mergeFeedback(many, verdict('T1/UNEW'));
    expect(merged).toHaveLength(MAX_FEEDBACK);
    expect(merged[0]?.by.subject).toBe('T1/U1');
    expect(merged.at(-1)?.by.subject).toBe('T1/UNEW');
  });
});

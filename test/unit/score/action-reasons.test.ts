import { describe, expect, it } from 'vitest';
import type { RootCauseKind, Suspect } from '../../../functions/contracts/index.js';
import { RecommendedAction } from '../../../functions/contracts/index.js';
import { recommendAction } from '../../../functions/score/core/actions.js';
import type { Signal } from '../../../functions/score/core/types.js';

/*
 * The reason an approver reads says why, in the evidence's own words, and stays within
 * the bound the RCA holds it to however long the evidence it quotes.
 */
const suspect = (kind: RootCauseKind, reasons: string[]): Suspect => ({ service: 'orders', kind, score: 0.9, evidenceIds: ['CHANGE_1'], reasons });

describe('the reason given with an action', () => {
  it("cites the suspect's leading evidence for a rollback", () => {
    const a = recommendAction(suspect('deployment', ['orders v2.4.0 by a.kaur at 09:56Z; orders itself went wrong 1 min after it']), []);
    expect(a.kind).toBe('rollback');
    expect(a.reason).toBe('roll orders back to its previous version: orders v2.4.0 by a.kaur at 09:56Z; orders itself went wrong 1 min after it');
  });

  it('says, for a dependency, why no action of ours answers it, citing what showed it', () => {
    const a = recommendAction({ ...suspect('dependency_failure', ['sms-provider is seen only through its callers']), service: 'sms-provider' }, []);
    expect(a.kind).toBe('none');
    expect(a.reason).toMatch(/^no action: sms-provider is a dependency outside our control \(sms-provider is seen only through its callers\)/);
  });

  it('names a platform failure as such, not "a infrastructure"', () => {
    const a = recommendAction(suspect('infrastructure', []), []);
    expect(a.reason).toMatch(/^no action: the platform under the services failed at orders; /);
  });

  it('stays within the bound however long the evidence it quotes', () => {
    const long = `orders ${'x'.repeat(900)}`;
    const signals: Signal[] = [{ service: 'orders', family: 'log_error', strength: 0.9, onsetMs: 0, evidenceId: 'LOG_1', local: true, hint: 'resource_exhaustion', text: long }];
    for (const a of [recommendAction(suspect('code_defect', [long]), []), recommendAction(suspect('resource_exhaustion', [long]), signals), recommendAction(suspect('traffic_surge', [long]), [])]) {
      expect(a.reason.length).toBeLessThanOrEqual(500);
      expect(() => RecommendedAction.parse(a)).not.toThrow();
    }
  });
});

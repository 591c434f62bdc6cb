import { describe, expect, it } from 'vitest';
import { mentionSignals, ownWords } from '../../../functions/score/core/logs.js';
import { mergeGraph } from '../../../functions/score/core/propagation.js';
import type { Signal } from '../../../functions/score/core/types.js';

const at = Date.parse('2026-06-01T09:00:00Z');
const graph = mergeGraph({ quotes: ['shopper'], shopper: ['freightline-rates', 'parcel-rates', 'rates-cache'] });
const observed = new Set(['quotes', 'shopper', 'rates-cache']);
const line = (raw: string): Signal => ({ service: 'shopper', family: 'log_error', strength: 1, onsetMs: at - 5 * 60_000, evidenceId: 'L_1', local: true, text: `shopper logged error "${raw}"`, raw });

describe('a third party named by its own word', () => {
  it('is the part of its name no other service shares, for dependencies we do not observe', () => {
    const words = ownWords(graph, observed);
    expect(words.get('freightline-rates')).toEqual(['freightline']);
    expect(words.get('parcel-rates')).toEqual(['parcel']);
    expect(words.has('rates-cache')).toBe(false);
  });

  it('makes a caller error line that names it so a mention of it', () => {
    const [m] = mentionSignals([line('freightline response decode failed: expected number at $.rates[0].amount')], graph, observed);
    expect(m).toMatchObject({ service: 'freightline-rates', family: 'dependency_mention' });
    expect(mentionSignals([line('freightline response decode failed')], graph)).toEqual([]);
  });

  it('does not read a word two services share, nor a word inside an identifier, as naming one', () => {
    expect(mentionSignals([line('rates lookup failed for lane 12')], graph, observed)).toEqual([]);
    expect(mentionSignals([line('KeyError: freightline_rate_table')], graph, observed)).toEqual([]);
  });
});

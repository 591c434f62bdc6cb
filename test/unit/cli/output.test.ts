import { describe, expect, it } from 'vitest';
import type { InvestigationRecord } from '../../../functions/contracts/index.js';
import type { ScenarioScore } from '../../../cli/eval-score.js';
import { evalProgress } from '../../../cli/progress.js';
import { chainInTimeOrder, formatRecord, formatScoreRow } from '../../../cli/print.js';
import { PLAIN, styleFor } from '../../../cli/style.js';

const ANSI = /\x1b\[/;
const hit: ScenarioScore = { name: 'shop-checkout', top1: true, top3: true, actionCorrect: true, citesRequired: true, expected: { rootCause: { service: 'pricing', kind: 'deployment' } } as ScenarioScore['expected'], actual: { rootCause: { service: 'pricing', kind: 'deployment' }, suspects: [], action: 'rollback', cited: [], confidence: 0.8, author: 'deterministic' } };
const miss: ScenarioScore = { name: 'media-packager', top1: false, top3: false, actionCorrect: false, citesRequired: false, error: 'boom' };

function stream(isTTY: boolean) {
  let written = '';
  return { isTTY, write: (text: string) => (written += text), get text() { return written; } };
}

describe('colour', () => {
  it('only on a terminal, and never with NO_COLOR set to something', () => {
    expect(styleFor({ isTTY: true }, {})).not.toBe(PLAIN);
    expect(styleFor({ isTTY: false }, {})).toBe(PLAIN);
    expect(styleFor({}, {})).toBe(PLAIN);
    expect(styleFor({ isTTY: true }, { NO_COLOR: '1' })).toBe(PLAIN);
    expect(styleFor({ isTTY: true }, { NO_COLOR: '' })).not.toBe(PLAIN);
    expect(formatScoreRow(hit, 20, styleFor({ isTTY: true }, {}))).toMatch(ANSI);
    expect(formatScoreRow(hit, 20, styleFor({ isTTY: true }, { NO_COLOR: 'true' }))).not.toMatch(ANSI);
  });
});

describe('eval progress', () => {
  const names = ['shop-checkout', 'media-packager'];

  it('writes one plain line per finished scenario when piped, with no control characters', () => {
    const out = stream(false);
    const progress = evalProgress(out, styleFor({ isTTY: true }, {}));
    progress.start(names);
    progress.row(hit, 1, names);
    progress.row(miss, 2, names);
    progress.end();
    expect(out.text.split('\n')).toEqual([expect.stringMatching(/^\[1\/2\] ok {3}shop-checkout/), expect.stringMatching(/^\[2\/2\] ERR {2}media-packager .* got boom$/), '']);
    expect(out.text).not.toMatch(/[\x1b\r]/);
  });

  it('on a terminal prints each row and keeps a progress line under it, cleared at the end', () => {
    const out = stream(true);
    const progress = evalProgress(out);
    progress.start(names);
    expect(out.text).toBe('running 1/2: shop-checkout…');
    progress.row(hit, 1, names);
    expect(out.text).toMatch(/running 1\/2: shop-checkout…\r\x1b\[2Kok {3}shop-checkout .*\nrunning 2\/2: media-packager…$/);
    progress.row(miss, 2, names);
    progress.end();
    expect(out.text.endsWith('got boom\n\r\x1b[2K')).toBe(true);
  });
});

describe('How it unfolded', () => {
  const statement = (text: string, evidenceIds: string[]) => ({ text, evidenceIds });
  const record = {
    signal: { title: 'checkout 5xx', service: 'checkout', source: 'alertmanager', severity: 'critical' },
    status: 'awaiting_approval',
    tenantId: 'demo',
    investigationId: 'inv-1',
    rca: {
      author: 'llm',
      confidence: 0.8,
      summary: statement('s', []),
      rootCause: { service: 'pricing', kind: 'deployment', statement: statement('pricing v2 broke checkout', ['DEPLOY_1']) },
      causalChain: [statement('checkout alert fired', ['ALERT_1']), statement('pricing errors rose', ['LOG_1']), statement('which spread to checkout', []), statement('pricing v2 deployed', ['DEPLOY_1'])],
      recommendedActions: [],
      caveats: [],
    },
    scored: {
      suspects: [],
      providers: [],
      timeline: [
        { at: '2027-01-15T10:05:00.000Z', service: 'checkout', evidenceId: 'ALERT_1', text: 'alert' },
        { at: '2027-01-15T10:02:00.000Z', service: 'pricing', evidenceId: 'LOG_1', text: 'errors' },
      ],
      evidence: [{ id: 'DEPLOY_1', kind: 'change', at: '2027-01-15T10:00:00.000Z' }],
    },
  } as unknown as InvestigationRecord;

  it('lists the steps in time order, a step citing nothing timed staying after the one before it', () => {
    expect(chainInTimeOrder(record).map((s) => s.text)).toEqual(['pricing v2 deployed', 'pricing errors rose', 'which spread to checkout', 'checkout alert fired']);
    const printed = formatRecord(record);
    expect(printed).toContain('How it unfolded\n  1. pricing v2 deployed  [DEPLOY_1]\n  2. pricing errors rose  [LOG_1]\n  3. which spread to checkout\n  4. checkout alert fired  [ALERT_1]');
    expect(printed).not.toMatch(ANSI);
  });
});

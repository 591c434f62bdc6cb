import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../cli/commands.js';

const SUITE = fileURLToPath(new URL('../../scenarios', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../shared/scenarios', import.meta.url));
const BLIND = fileURLToPath(new URL('../../scenarios/blind', import.meta.url));
const BLIND2 = fileURLToPath(new URL('../../scenarios/blind2', import.meta.url));
const BLIND3 = fileURLToPath(new URL('../../scenarios/blind3', import.meta.url));
interface Floor {
  top1: number;
  top3: number;
  action: number;
  cites: number;
}
/** The accuracy each suite has reached; CI fails when a change scores below it. Raise it when scoring improves. */
const BASELINE = JSON.parse(readFileSync(new URL('../eval-baseline.json', import.meta.url), 'utf8')) as Floor & { blind: Floor; blind2: Floor; blind3: Floor };

describe('causeway eval through the local state machine', () => {
  it('holds our suite and the three blind suites at or above their committed floors, and the shared examples top-1 correct', async () => {
    const paths = existsSync(SHARED) ? [SUITE, BLIND, BLIND2, BLIND3, SHARED] : [SUITE, BLIND, BLIND2, BLIND3];
    let printed = '';
    const { scores } = await evaluate(paths, true, (text) => (printed = text));
    const report = JSON.parse(printed) as { scenarios: unknown[]; summary: Record<string, number> };
    expect(report.scenarios).toHaveLength(scores.length);
    const within = (dir: string) => scores.filter((s) => s.file !== undefined && dirname(s.file) === dir);
    const holds = (suite: ReturnType<typeof within>, floor: Floor) => {
      const rate = (f: (s: (typeof suite)[number]) => boolean) => suite.filter(f).length / suite.length;
      expect(suite.length).toBeGreaterThanOrEqual(30);
      expect(suite.filter((s) => s.error)).toEqual([]);
      expect(rate((s) => s.top1)).toBeGreaterThanOrEqual(floor.top1);
      expect(rate((s) => s.top3)).toBeGreaterThanOrEqual(floor.top3);
      expect(rate((s) => s.actionCorrect)).toBeGreaterThanOrEqual(floor.action);
      expect(rate((s) => s.citesRequired)).toBeGreaterThanOrEqual(floor.cites);
    };
    holds(within(SUITE), BASELINE);
    holds(within(BLIND), BASELINE.blind);
    holds(within(BLIND2), BASELINE.blind2);
    holds(within(BLIND3), BASELINE.blind3);
    for (const shared of within(SHARED)) expect(shared, shared.name).toMatchObject({ top1: true, actionCorrect: true });
  }, 300_000);
});

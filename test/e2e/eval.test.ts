import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../cli/commands.js';

const SUITE = fileURLToPath(new URL('../../scenarios', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../shared/scenarios', import.meta.url));
interface Floor {
  top1: number;
  top3: number;
  action: number;
  cites: number;
}
/**
 * The accuracy each suite has reached; CI fails when a change scores below it. Raise it when
 * scoring improves. Our suite's floor is at the top level; each blind suite's is under its
 * folder's name in `scenarios/`.
 */
const BASELINE = JSON.parse(readFileSync(new URL('../eval-baseline.json', import.meta.url), 'utf8')) as Floor & Record<string, Floor>;
const BLIND_SUITES = Object.keys(BASELINE)
  .filter((key) => typeof BASELINE[key] === 'object')
  .map((key) => ({ name: key, dir: fileURLToPath(new URL(`../../scenarios/${key}`, import.meta.url)), floor: BASELINE[key]! }));

describe('causeway eval through the local state machine', () => {
  it('holds our suite and every blind suite at or above their committed floors, and the shared examples top-1 correct', async () => {
    expect(BLIND_SUITES.map((suite) => suite.name)).toEqual(['blind', 'blind2', 'blind3', 'blind4', 'blind5', 'blind6', 'blind7', 'blind8', 'blind9', 'blind10', 'blind11', 'blind12', 'blind13', 'blind14', 'blind15', 'blind16', 'blind17', 'blind18', 'blind19', 'blind20', 'blind21', 'blind22', 'blind23', 'blind24']);
    const blindDirs = BLIND_SUITES.map((suite) => suite.dir);
    const paths = existsSync(SHARED) ? [SUITE, ...blindDirs, SHARED] : [SUITE, ...blindDirs];
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
    for (const suite of BLIND_SUITES) holds(within(suite.dir), suite.floor);
    for (const shared of within(SHARED)) expect(shared, shared.name).toMatchObject({ top1: true, actionCorrect: true });
  }, 900_000);
});

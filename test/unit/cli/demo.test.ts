import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIO, scenarioAtNow } from '../../../cli/demo.js';
import { loadScenarioFile } from '../../../cli/scenario-run.js';

const scenario = loadScenarioFile(fileURLToPath(DEMO_SCENARIO));
const atMs = Date.parse(scenario.at);

describe('scenarioAtNow', () => {
  it('moves the alert into the last minute by whole minutes, so the demo buckets its series as investigate does', () => {
    const now = atMs + 3 * 86_400_000 + 17 * 60_000 + 42_500;
    const moved = scenarioAtNow(scenario, now);
    expect(Date.parse(moved.at)).toBe(atMs + 3 * 86_400_000 + 17 * 60_000);
    expect(now - Date.parse(moved.at)).toBeLessThan(60_000);
  });

  it('moves every absolute time in the alert payload by the same shift and leaves relative ones alone', () => {
    const now = atMs + 90 * 60_000 + 5_000;
    const moved = scenarioAtNow(scenario, now);
    const alertsBefore = (scenario.signal.body as { alerts: { startsAt: string }[] }).alerts;
    const alertsAfter = (moved.signal.body as { alerts: { startsAt: string }[] }).alerts;
    expect(Date.parse(alertsAfter[0]!.startsAt) - Date.parse(alertsBefore[0]!.startsAt)).toBe(90 * 60_000);
    expect(moved.evidence.changes?.map((c) => c.at)).toEqual(scenario.evidence.changes?.map((c) => c.at));
  });
});

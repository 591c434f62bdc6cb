import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../functions/providers/scenario/load.js';

function scenarioFile(name: string, body: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'causeway-load-')), `${name}.json`);
  writeFileSync(file, body);
  return file;
}

const valid = (name: string) =>
  JSON.stringify({ format: 'causeway.scenario/v1', name, at: '2026-06-01T09:00:00Z', signal: { source: 'generic', body: { title: 'x', status: 'firing' } }, evidence: { logs: [{ at: '-5m', service: 'api', level: 'error', message: 'boom' }] } });

describe('loading a scenario file', () => {
  it('parses a file once for all the plans that query it at the same moment', async () => {
    const file = scenarioFile('shared-load', valid('shared-load'));
    const loads = await Promise.all(Array.from({ length: 7 }, () => loadScenario(file)));
    for (const loaded of loads) expect(loaded).toBe(loads[0]);
    expect(loads[0]!.time('-5m')).toBe(Date.parse('2026-06-01T08:55:00Z'));
  });

  it('reads the file again once it changed', async () => {
    const file = scenarioFile('edited', valid('edited'));
    const first = await loadScenario(file);
    writeFileSync(file, valid('edited-again'));
    expect((await loadScenario(file)).name).toBe('edited-again');
    expect(first.name).toBe('edited');
  });

  it('forgets a failed load, so a fixed file loads on the next call', async () => {
    const file = scenarioFile('broken', '{ not json');
    await expect(loadScenario(file)).rejects.toThrow(/not valid JSON/);
    writeFileSync(file, valid('broken-fixed') + ' '.repeat(3));
    expect((await loadScenario(file)).name).toBe('broken-fixed');
  });
});

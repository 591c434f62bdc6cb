import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, readScenario } from '../../../../functions/providers/scenario/load.js';

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

describe('reading a scenario without holding its logs whole', () => {
  const doc = (logs: string, extra = '') =>
    `{"format":"causeway.scenario/v1","name":"cols","at":"2026-06-01T09:00:00Z","signal":{"source":"generic","body":{"title":"x","status":"firing","logs":[1]}},"evidence":{"reference":{"from":"-2h","to":"-1h","logs":[{"at":"-90m","service":"ref","level":"info","message":"ok"}]}${extra},"logs":${logs}}}`;
  const read = (text: string) => {
    const reader = readScenario(Buffer.from(text));
    return { scenario: reader.scenario, logs: [...reader.logs()] };
  };

  it('reads the logs array of evidence only, entry by entry, whatever its strings hold', () => {
    const tricky = '[{"at":"-5m","service":"api","level":"error","message":"a \\"quoted\\" ], { brace, é"},{"at":"-4m","service":"db","level":"warn","message":"b","traceId":"t1"}]';
    const { scenario, logs } = read(doc(tricky));
    expect(logs).toEqual([
      { at: '-5m', service: 'api', level: 'error', message: 'a "quoted" ], { brace, é' },
      { at: '-4m', service: 'db', level: 'warn', message: 'b', traceId: 't1' },
    ]);
    expect(scenario.evidence).not.toHaveProperty('logs');
    expect(scenario.evidence.reference?.logs).toHaveLength(1);
    expect(scenario.signal.body).toEqual({ title: 'x', status: 'firing', logs: [1] });
  });

  it('reads an empty logs array, and a file without one', () => {
    expect(read(doc('[ ]')).logs).toEqual([]);
    expect(read(doc('[]').replace(',"logs":[]', '')).logs).toEqual([]);
  });

  it('names the first bad log entry by its place', () => {
    const bad = '[{"at":"-5m","service":"api","level":"error","message":"ok"},{"at":"-4m","service":"api","level":"loud","message":"x"}]';
    expect(() => read(doc(bad))).toThrow(/scenario\.evidence\.logs\.1\.level/);
    expect(() => read(doc('"none"'))).toThrow(/scenario\.evidence\.logs/);
  });

  it('refuses logs that are not JSON, and a document that is not', () => {
    const entry = '{"at":"-5m","service":"api","level":"error","message":"ok"}';
    expect(() => read(doc(`[${entry},]`))).toThrow(SyntaxError);
    expect(() => read(doc(`[${entry} ${entry}]`))).toThrow(SyntaxError);
    expect(() => read('{"format": ')).toThrow(SyntaxError);
  });

  it('holds the logs in columns the provider reads back unchanged', async () => {
    const file = scenarioFile('columns', doc('[{"at":"-5m","service":"api","level":"error","message":"boom","traceId":"t9"},{"at":"2026-06-01T08:56:00Z","service":"db","level":"info","message":"fine"}]'));
    const { logs } = await loadScenario(file);
    expect(logs.length).toBe(2);
    expect([...logs.atMs]).toEqual([Date.parse('2026-06-01T08:55:00Z'), Date.parse('2026-06-01T08:56:00Z')]);
    expect([0, 1].map((i) => [logs.services[logs.service[i]!], logs.levels[logs.level[i]!], logs.message[i], logs.traceId.get(i)])).toEqual([
      ['api', 'error', 'boom', 't9'],
      ['db', 'info', 'fine', undefined],
    ]);
  });
});

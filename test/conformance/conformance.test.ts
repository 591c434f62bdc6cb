import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SignalSource } from '../../functions/contracts/signal.js';
import { getSourceAdapter } from '../../functions/ingest/sources/index.js';

/*
 * Every payload variant each sender documents, as it puts it on the wire, and what Causeway
 * must make of it. One folder per source; `cases.json` names each file's origin and licence
 * and the signals expected from it (none, for events that change nothing on-call tracks).
 */

const HERE = fileURLToPath(new URL('.', import.meta.url));
const RECEIVED_AT = new Date('2026-03-14T14:10:00.000Z');

interface Case {
  file: string;
  origin: string;
  licence: string;
  expect: Record<string, unknown>[];
}

const sources = readdirSync(HERE, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

it('covers every alert source', () => {
  expect(sources.sort()).toEqual(SignalSource.options.filter((s) => s !== 'generic').sort());
});

describe.each(sources)('%s', (source) => {
  const dir = join(HERE, source);
  const { cases } = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as { cases: Case[] };

  it('lists every payload file once, each with its origin and licence', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'cases.json').sort();
    expect(cases.map((c) => c.file).sort()).toEqual(files);
    for (const c of cases) {
      expect(c.origin.length, c.file).toBeGreaterThan(20);
      expect(c.licence.length, c.file).toBeGreaterThan(5);
    }
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s', (_file, c) => {
    const body = JSON.parse(readFileSync(join(dir, c.file), 'utf8')) as unknown;
    const signals = getSourceAdapter(SignalSource.parse(source)).normalize(body, { tenantId: 'conformance', receivedAt: RECEIVED_AT, catalog: {} });
    expect(signals).toHaveLength(c.expect.length);
    c.expect.forEach((expected, i) => expect(signals[i]).toMatchObject(expected));
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SignalSource } from '../../functions/contracts/signal.js';
import { getSourceAdapter } from '../../functions/ingest/sources/index.js';

/*
 * Every payload variant each sender documents, as it puts it on the wire, and what Causeway
 * must make of it. One folder per source; `cases.json` names each file's origin and licence
 * and the signals expected from it (none, for events that change nothing on-call tracks):
 * each states its status, service, severity, title and links.
 */

const HERE = fileURLToPath(new URL('.', import.meta.url));
const RECEIVED_AT = new Date('2026-03-14T14:10:00.000Z');
/** What every expected signal states; `null` says the field must be absent (no service named, say). */
const ASSERTED = ['status', 'service', 'severity', 'title', 'links'] as const;

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
    c.expect.forEach((expected, i) => {
      for (const field of ASSERTED) expect(Object.keys(expected), `${c.file}: every expected signal states ${field}`).toContain(field);
      const absent = Object.entries(expected).filter(([, value]) => value === null);
      for (const [field] of absent) expect(signals[i]?.[field as keyof (typeof signals)[number]], `${c.file}: ${field}`).toBeUndefined();
      expect(signals[i]).toMatchObject(Object.fromEntries(Object.entries(expected).filter(([, value]) => value !== null)));
      expect(signals[i]?.links, `${c.file}: links, exactly`).toEqual(expected['links']);
    });
  });
});

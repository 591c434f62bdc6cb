import { describe, expect, it } from 'vitest';
import { anyHmacMatches, checkFreshTimestamp, versionedSignatures } from '../../../../functions/ingest/sources/shared/auth.js';
import { dedupKey } from '../../../../functions/ingest/sources/shared/dedup.js';
import { correlationFrom, tagsToMap } from '../../../../functions/ingest/sources/shared/labels.js';
import { severityFromWord } from '../../../../functions/ingest/sources/shared/severity.js';
import { finishSignal } from '../../../../functions/ingest/sources/shared/signal.js';
import { toIsoTime } from '../../../../functions/ingest/sources/shared/time.js';
import { context } from './support/fixtures.js';

describe('toIsoTime', () => {
  it.each([
    ['2026-03-14T13:05:21.947+0000', '2026-03-14T13:05:21.947Z'],
    ['2021-10-12T09:51:03.157076+02:00', '2021-10-12T07:51:03.157Z'],
    [1773507600120, '2026-03-14T17:00:00.120Z'],
    [1773507600, '2026-03-14T17:00:00.000Z'],
    ['1773504600000', '2026-03-14T16:10:00.000Z'],
    [1773507600123000000, '2026-03-14T17:00:00.123Z'],
  ])('reads %s', (input, iso) => {
    expect(toIsoTime(input)).toBe(iso);
  });

  it.each(['0001-01-01T00:00:00Z', 'yesterday', '', '99999-01-01T00:00:00Z', null, {}, Number.NaN, 1e30])('gives nothing for %s', (input) => {
    expect(toIsoTime(input)).toBeUndefined();
  });
});

describe('severityFromWord', () => {
  it.each([
    ['SEV-1', 'critical'],
    ['sev_2', 'high'],
    ['Warning', 'warning'],
    ['informational', 'info'],
    ['bogus', undefined],
    [undefined, undefined],
  ])('maps %s to %s', (word, severity) => {
    expect(severityFromWord(word)).toBe(severity);
  });
});

describe('correlationFrom', () => {
  it('reads keys however they are spelled and keeps only id-shaped values', () => {
    const keys = correlationFrom([
      { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', 'x-request-id': 'req-0001, req-0002', request_id: 'n/a', pod_name: 'web-1', region: 'not a region' },
      { TraceID: 'bad id with spaces', trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', image: 'ghcr.io/acme/web:1.2.3', aws_account_id: '12345' },
    ]);
    expect(keys).toMatchObject({
      traceIds: ['4bf92f3577b34da6a3ce929d0e0e4736'],
      requestIds: ['req-0001', 'req-0002'],
      pod: 'web-1',
      version: '1.2.3',
    });
    expect(keys.region).toBeUndefined();
    expect(keys.awsAccountId).toBeUndefined();
  });

  it('parses key:value tags, keeping bare tags', () => {
    expect(tagsToMap(['env:prod', ' service: cart ', 'monitor', 'url:https://x.example/a:b', ''])).toEqual({
      env: 'prod',
      service: 'cart',
      monitor: '',
      url: 'https://x.example/a:b',
    });
  });
});

describe('auth helpers', () => {
  it('parses versioned signature lists and caps their number', () => {
    const hex = 'a'.repeat(64);
    expect(versionedSignatures(`v1=${hex}, v0=${hex},v1=zz`, 'v1')).toEqual([hex]);
    expect(versionedSignatures(Array(50).fill(`v1=${hex}`).join(','), 'v1')).toHaveLength(8);
  });

  it('matches an HMAC against any secret and signature, hex case-insensitively', () => {
    const signature = 'B561B2D7BD59B2F741369BEA9DF81035462F8063D73255A3214296545344BE47';
    expect(anyHmacMatches(['x'.repeat(20), 'pd-signing-secret-0123456789'], '{"event":{"id":"01HV","event_type":"pagey.ping"}}', [signature])).toBe(true);
  });

  it('accepts timestamps inside the window only', () => {
    const now = new Date(1_000_000_000_000);
    expect(() => checkFreshTimestamp('1000000000', now, 300)).not.toThrow();
    expect(() => checkFreshTimestamp('999999699', now, 300)).toThrow();
    expect(() => checkFreshTimestamp('-5', now, 300)).toThrow();
  });
});

describe('finishSignal', () => {
  const draft = {
    identity: 'x',
    externalId: 'x',
    fingerprint: 'x',
    status: 'firing' as const,
    severity: 'warning' as const,
    titles: [],
    labels: {},
  };

  it('keeps every signal within the contract limits', () => {
    const long = 'y'.repeat(5000);
    const labels = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, long]));
    const signal = finishSignal('generic', { ...draft, externalId: long, fingerprint: long, titles: [long], description: long, labels, correlation: { traceIds: [long, 'ok'], awsAccountId: 'nope' } }, context(), '');
    expect(signal.externalId).toMatch(/^[0-9a-f]{64}$/);
    expect(signal.title.length).toBe(500);
    expect(signal.description?.length).toBe(4000);
    expect(Object.keys(signal.labels)).toHaveLength(100);
    expect(signal.correlation.traceIds).toEqual(['ok']);
    expect(signal.correlation.awsAccountId).toBeUndefined();
  });

  it('never has an empty title and drops links that are not http(s)', () => {
    const signal = finishSignal('grafana', { ...draft, titles: ['  ', undefined], links: { runbook: 'javascript:alert(1)', source: 'https://ok.example/' } }, context(), '');
    expect(signal.title).toBe('grafana alert');
    expect(signal.links).toEqual({ source: 'https://ok.example/' });
  });

  it('derives a key-safe dedup key from tenant, family and identity', () => {
    expect(dedupKey('acme', 'cloudwatch', 'arn:x')).toMatch(/^[0-9a-f]{64}$/);
    expect(dedupKey('acme', 'cloudwatch', 'arn:x')).not.toBe(dedupKey('globex', 'cloudwatch', 'arn:x'));
    expect(dedupKey('acme', 'alertmanager', 'arn:x')).not.toBe(dedupKey('acme', 'cloudwatch', 'arn:x'));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncidentSignal, SignalSource } from '../../../../functions/contracts/signal.js';
import { PayloadValidationError, UnauthorizedError } from '../../../../functions/shared/errors.js';
import { getSourceAdapter } from '../../../../functions/ingest/sources/index.js';
import { WebhookCredentials } from '../../../../functions/ingest/sources/credentials.js';
import type { SourceAdapter } from '../../../../functions/ingest/sources/types.js';
import { context, deps, fixture, fixtureNames, request } from './support/fixtures.js';

/*
 * No input makes a normalizer throw anything but PayloadValidationError, and whatever it returns
 * is a valid IncidentSignal. Inputs: arbitrary JSON, and the real fixtures with a field deleted,
 * replaced by arbitrary JSON, or cut down to a wrong type.
 */

const ctx = context({
  checkout: { lambda: { functionName: 'checkout-handler' }, pagerdutyServiceId: 'PSVC7QX' },
  orders: { ecs: { cluster: 'shop-prod', service: 'orders-api' }, kubernetes: { namespace: 'shop', deployment: 'orders' } },
});

function outcome(adapter: SourceAdapter, body: unknown): void {
  let signals: unknown;
  try {
    signals = adapter.normalize(body, ctx);
  } catch (error) {
    if (error instanceof PayloadValidationError) return;
    throw error;
  }
  expect(Array.isArray(signals)).toBe(true);
  for (const signal of signals as unknown[]) IncidentSignal.parse(signal);
}

type Json = unknown;
type Path = Array<string | number>;

function paths(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => paths(child, [...prefix, key]))];
}

function mutate(value: Json, path: Path, replacement: Json | typeof DELETE): Json {
  if (path.length === 0) return replacement === DELETE ? undefined : replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, Json>;
  if (rest.length === 0 && replacement === DELETE) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head!];
  } else {
    copy[head!] = mutate(copy[head!], rest, replacement);
  }
  return copy;
}

const DELETE = Symbol('delete');
const wrongTypes = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.boolean(), fc.constant([]), fc.constant({}), fc.jsonValue({ maxDepth: 2 }));

/** The fixture bodies, plus for SNS the alarm inside Message parsed, so mutations reach it too. */
function seeds(source: SignalSource): Array<{ body: Json; rewrap?: (inner: Json) => Json }> {
  return fixtureNames(source).flatMap((name) => {
    const { body } = fixture(source, name);
    const message = (body as { Message?: unknown }).Message;
    if (source !== 'cloudwatch-sns' || typeof message !== 'string' || !message.startsWith('{')) return [{ body }];
    const inner = JSON.parse(message) as Json;
    return [{ body }, { body: inner, rewrap: (mutated: Json) => ({ ...(body as object), Message: JSON.stringify(mutated) }) }];
  });
}

describe.each(SignalSource.options)('%s normalize never throws anything but PayloadValidationError', (source) => {
  const adapter = getSourceAdapter(source);

  it('on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (body) => outcome(adapter, body)), { numRuns: 300 });
  });

  it('on real fixtures with a field deleted or given a wrong type', () => {
    const all = seeds(source);
    const mutation = fc
      .constantFrom(...all)
      .chain((seed) => fc.tuple(fc.constant(seed), fc.constantFrom(...paths(seed.body)), fc.oneof(fc.constant<typeof DELETE>(DELETE), wrongTypes)));
    fc.assert(
      fc.property(mutation, ([seed, path, replacement]) => {
        const mutated = mutate(seed.body, path, replacement);
        outcome(adapter, seed.rewrap ? seed.rewrap(mutated) : mutated);
      }),
      { numRuns: 400 },
    );
  });

});

describe.each(SignalSource.options.filter((source) => getSourceAdapter(source).handshake))('%s handshake', (source) => {
  it('never throws anything but PayloadValidationError on arbitrary JSON', () => {
    const adapter = getSourceAdapter(source);
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        try {
          adapter.handshake?.(body);
        } catch (error) {
          if (!(error instanceof PayloadValidationError)) throw error;
        }
      }),
      { numRuns: 200 },
    );
  });
});

const everything = WebhookCredentials.parse({
  alertmanager: { bearerToken: 'a'.repeat(32) },
  pagerduty: { signingSecrets: ['b'.repeat(32)] },
  grafana: { hmacSecret: 'd'.repeat(32), hmacTimestampHeader: 'x-ts' },
  datadog: { headerName: 'x-token', token: 'e'.repeat(32) },
  opsgenie: { headerName: 'x-token', token: 'f'.repeat(32) },
  generic: { hmacSecret: 'g'.repeat(32) },
  'cloudwatch-sns': { topicArns: ['arn:aws:sns:eu-west-1:210987654321:causeway-alarms'] },
  cloudwatch: { enabled: true, accountIds: ['210987654321'] },
});

describe.each(SignalSource.options.filter((s) => s !== 'cloudwatch'))('%s verify rejects arbitrary requests with UnauthorizedError only', (source) => {
  const adapter = getSourceAdapter(source);
  const headerNames = fc.constantFrom('authorization', 'x-pagerduty-signature', 'x-grafana-alerting-signature', 'x-ts', 'x-token', 'x-causeway-timestamp', 'x-causeway-signature');

  it('for arbitrary bodies and headers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v))), fc.dictionary(headerNames, fc.string()), async (raw, headers) => {
        await expect(adapter.verify(request(raw, headers), everything, deps())).rejects.toBeInstanceOf(UnauthorizedError);
      }),
      { numRuns: 150 },
    );
  });
});

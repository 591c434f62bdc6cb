import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogEntry } from '../../../../../functions/contracts/tenant.js';
import type { InboundRequest, NormalizeContext, VerifyDeps } from '../../../../../functions/ingest/sources/types.js';

export const FIXTURES = fileURLToPath(new URL('../../../../fixtures/signals/', import.meta.url));

/** A fixture's exact text (what a sender put on the wire) and its parsed body. */
export function fixture(source: string, name: string): { raw: string; body: unknown } {
  const raw = readFileSync(join(FIXTURES, source, name), 'utf8');
  return { raw, body: JSON.parse(raw) as unknown };
}

/** Every JSON fixture of a source, for tests that must hold for all of them. */
export function fixtureNames(source: string): string[] {
  return readdirSync(join(FIXTURES, source)).filter((name) => name.endsWith('.json') && !name.endsWith('.meta.json'));
}

export const RECEIVED_AT = new Date('2026-03-14T20:00:00.000Z');

export function context(catalog: Record<string, CatalogEntry> = {}, tenantId = 'acme'): NormalizeContext {
  return { tenantId, receivedAt: RECEIVED_AT, catalog };
}

export function request(rawBody: string, headers: Record<string, string> = {}): InboundRequest {
  return { rawBody, headers, receivedAt: RECEIVED_AT };
}

export function deps(now: Date = RECEIVED_AT, fetchCertificate: VerifyDeps['fetchCertificate'] = async () => {
  throw new Error('no certificate expected');
}): VerifyDeps {
  return { now: () => now, fetchCertificate };
}

/** Asserts a promise rejects with UnauthorizedError and returns the logged reason. */
export async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { cause?: Error };
    if (e.name !== 'UnauthorizedError') throw error;
    if (e.message !== 'unauthorized') throw new Error(`public message leaked a reason: ${e.message}`);
    return e.cause?.message ?? '';
  }
  throw new Error('expected an UnauthorizedError');
}

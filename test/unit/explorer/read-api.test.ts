import { describe, expect, it } from 'vitest';
import { handleGet, handleList } from '../../../functions/read-api/core.js';
import { openCursor, sealCursor } from '../../../functions/read-api/cursor.js';
import type { ListingRow } from '../../../functions/read-api/store.js';
import { listingForNewRecord, listingForUpdate } from '../../../functions/shared/listing.js';
import { isLoopback, mintSession, readSession, sessionFromCookies } from '../../../functions/shared/explorer-session.js';
import { formatList, sinceParameter } from '../../../cli/read.js';
import { CURSOR_KEY, NOW, SESSION_KEY, TOKEN, fakeDeps, hostileRecord } from './fixtures.js';

const position = { pk: 'TENANT#demo#INV#inv-1', sk: 'RECORD' as const, listPk: 'TENANT#demo#INVESTIGATIONS', listSk: '2026-05-12T14:22:00Z#inv-1' };
const row: ListingRow = { ...position, listStatus: 'diagnosed', listSignal: { title: 'checkout errors', service: 'checkout', severity: 'critical', source: 'generic' }, listRca: { service: 'pricing', kind: 'deployment', summary: 'pricing: a bad deployment', confidence: 0.8 } };

describe('read API core', () => {
  it('checks the token before it parses anything, so a bad query without a token is a 401, not a 400', async () => {
    expect(await handleList({ tenantId: 'demo', authorization: undefined, query: { status: 'nonsense' } }, fakeDeps())).toMatchObject({ status: 401, body: { error: 'unauthorized' }, logReason: 'no token' });
    expect(await handleGet({ tenantId: 'nobody', investigationId: 'inv-1', authorization: `Bearer ${TOKEN}` }, fakeDeps())).toMatchObject({ status: 401, logReason: 'unknown tenant' });
    expect(await handleList({ tenantId: 'demo', authorization: `Bearer ${TOKEN}`, query: { status: 'nonsense' } }, fakeDeps())).toMatchObject({ status: 400 });
  });

  it('summarizes index rows and seals where the page stopped', async () => {
    const deps = fakeDeps(undefined, { queryListing: async (tenantId, filter, pageSize) => ({ rows: tenantId === 'demo' && filter.statuses?.[0] === 'diagnosed' && pageSize === 1 ? [row] : [], next: position }) });
    const answer = await handleList({ tenantId: 'demo', authorization: `Bearer ${TOKEN}`, query: { status: 'diagnosed', limit: '1' } }, deps);
    expect(answer.status).toBe(200);
    const body = answer.body as { investigations: unknown[]; nextCursor: string };
    expect(body.investigations).toEqual([{ investigationId: 'inv-1', createdAt: '2026-05-12T14:22:00Z', updatedAt: undefined, status: 'diagnosed', alert: row.listSignal, rootCause: row.listRca }]);
    expect(body.nextCursor).not.toContain('inv-1');
  });

  it('returns a malformed investigation id as not found', async () => {
    expect(await handleGet({ tenantId: 'demo', investigationId: '../../x', authorization: `Bearer ${TOKEN}` }, fakeDeps())).toMatchObject({ status: 404 });
  });
});

describe('cursors', () => {
  it('open only for the same key, binding and tenant', () => {
    const cursor = sealCursor(CURSOR_KEY, position, 'demo|filters');
    expect(openCursor(CURSOR_KEY, cursor, 'demo|filters', 'demo')).toEqual(position);
    expect(() => openCursor(CURSOR_KEY, cursor, 'demo|other', 'demo')).toThrow(/cursor/);
    expect(() => openCursor(Buffer.alloc(32, 1), cursor, 'demo|filters', 'demo')).toThrow(/cursor/);
    const foreign = sealCursor(CURSOR_KEY, { ...position, pk: 'TENANT#acme#INV#x' }, 'demo|filters');
    expect(() => openCursor(CURSOR_KEY, foreign, 'demo|filters', 'demo')).toThrow(/cursor/);
  });
});

describe('list summary attributes', () => {
  it('are written whole for a new record, and only for the fields an update changes', () => {
    const record = hostileRecord();
    expect(listingForNewRecord(record)).toMatchObject({ listPk: 'TENANT#demo#INVESTIGATIONS', listSk: '2026-05-12T14:22:00Z#inv-1', listStatus: 'diagnosed', listRca: { service: 'pricing', kind: 'deployment', confidence: 0.8 } });
    expect(listingForUpdate({ status: 'remediated', updatedAt: '2026-05-12T15:00:00Z' })).toEqual({ listStatus: 'remediated', listUpdatedAt: '2026-05-12T15:00:00Z' });
    expect(listingForUpdate({ rca: { ...record.rca!, rootCause: { ...record.rca!.rootCause, statement: { text: 'x'.repeat(900), evidenceIds: [], verified: true } } } }).listRca).toMatchObject({ summary: expect.stringMatching(/^x{299}…$/) });
  });
});

describe('sessions', () => {
  it('verify their signature, expiry and tenant', () => {
    const { value, session } = mintSession(SESSION_KEY, 'demo', { issuer: 'https://idp.example', subject: 'alice' }, NOW);
    expect(readSession(SESSION_KEY, value, NOW)).toEqual(session);
    expect(readSession(SESSION_KEY, value, new Date(NOW.getTime() + 8 * 3600e3))).toBeUndefined();
    expect(readSession(Buffer.alloc(32, 1), value, NOW)).toBeUndefined();
    const [payload, signature] = value.split('.');
    const forged = Buffer.from(JSON.stringify({ ...session, tenantId: 'acme' })).toString('base64url');
    expect(readSession(SESSION_KEY, `${forged}.${signature}`, NOW)).toBeUndefined();
    expect(sessionFromCookies(SESSION_KEY, [`other=1`, `causeway_session=${payload}.${signature}`], 'demo', NOW)?.by.subject).toBe('alice');
    expect(sessionFromCookies(SESSION_KEY, [`causeway_session=${value}`], 'acme', NOW)).toBeUndefined();
  });

  it('treat only loopback hosts as loopback', () => {
    expect(['127.0.0.1:4010', 'localhost', '[::1]:80'].every(isLoopback)).toBe(true);
    expect(['abc.execute-api.eu-west-1.amazonaws.com', '127.0.0.1.evil.example', 'localhost.evil.example'].some(isLoopback)).toBe(false);
  });
});

describe('causeway list', () => {
  it('turns a relative --since into an ISO time and passes an ISO one as is', () => {
    expect(sinceParameter('6h', Date.parse('2026-05-12T15:00:00Z'))).toBe('2026-05-12T09:00:00.000Z');
    expect(sinceParameter('2026-05-01T00:00:00Z')).toBe('2026-05-01T00:00:00Z');
    expect(sinceParameter(undefined)).toBeUndefined();
  });

  it('prints one line per investigation and how to get older ones', () => {
    const text = formatList({ investigations: [{ investigationId: 'inv-1', createdAt: '2026-05-12T14:22:00Z', status: 'awaiting_approval', alert: row.listSignal, rootCause: row.listRca }], nextCursor: 'CURSOR' }, 'causeway list');
    expect(text.split('\n')[1]).toMatch(/^2026-05-12 14:22Z\s+awaiting approval\s+checkout\s+pricing deployment\s+80%\s+inv-1$/);
    expect(text).toContain('Older: causeway list --cursor CURSOR');
  });
});

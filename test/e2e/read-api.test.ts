import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvestigationRecord } from '../../functions/contracts/index.js';
import { mintLoginCode } from '../../functions/explorer/login-codes.js';
import type { InvestigationDetail, InvestigationList } from '../../functions/read-api/core.js';
import { ensureScenarioTenant, runScenario } from '../../cli/scenario-run.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';
import { escape } from '../../functions/explorer/html.js';

const scenario = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url));

let stack: LocalStack;
const tokens = { demo: 'demo-api-token-0123456789abcdef', acme: 'acme-api-token-0123456789abcdef' };
/** Oldest first, as they were run. */
const demoRuns: InvestigationRecord[] = [];
let acmeRun: InvestigationRecord;

async function withApiToken(tenantId: 'demo' | 'acme', topology: Record<string, string[]> = {}): Promise<void> {
  const ref = `causeway/tenants/${tenantId}/webhooks`;
  stack.secrets.put(ref, JSON.stringify({ api: { token: tokens[tenantId] } }));
  const tenant = await ensureScenarioTenant(stack, tenantId);
  await putTenant(stack, { ...tenant, webhookSecretRef: ref, topology });
}

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5 });
  const shop = JSON.parse(readFileSync(scenario('shop-storefront-checkout-5xx'), 'utf8')) as { topology?: Record<string, string[]> };
  await withApiToken('demo', shop.topology);
  await withApiToken('acme');
  for (const name of ['payments-card-authorizations-failing', 'shop-checkout-success-rate-drop', 'shop-storefront-checkout-5xx']) demoRuns.push((await runScenario(stack, scenario(name))).record);
  const acmeFile = join(mkdtempSync(join(tmpdir(), 'causeway-read-')), 'acme.json');
  writeFileSync(acmeFile, JSON.stringify({ ...JSON.parse(readFileSync(scenario('shop-storefront-checkout-5xx'), 'utf8')), tenant: 'acme' }));
  acmeRun = (await runScenario(stack, acmeFile)).record;
}, 120_000);

afterAll(async () => {
  await stack.stop();
});

async function get(path: string, token?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers; text: string }> {
  const response = await fetch(`${stack.apiUrl}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers }, redirect: 'manual' });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, headers: response.headers, text };
}

const list = (query = '', token = tokens.demo, tenant = 'demo') => get(`/v1/tenants/${tenant}/investigations${query}`, token);

describe('read API: authentication', () => {
  it('answers 401 alike without a token, with a wrong one, for an unknown tenant, and for another tenant\'s token', async () => {
    const answers = await Promise.all([list('', ''), list('', 'wrong-token-0123456789'), list('', tokens.demo, 'nobody'), list('', tokens.acme, 'demo'), get(`/v1/tenants/demo/investigations/${demoRuns[0]!.investigationId}`)]);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: 'unauthorized' });
    }
  });
});

describe('read API: the list', () => {
  it('lists the tenant\'s investigations newest first with their summaries, and none of another tenant\'s', async () => {
    const { status, body } = await list();
    expect(status).toBe(200);
    const page = body as InvestigationList;
    expect(page.investigations.map((i) => i.investigationId)).toEqual(demoRuns.map((r) => r.investigationId).reverse());
    expect(page.nextCursor).toBeUndefined();
    const newest = page.investigations[0]!;
    const record = demoRuns[2]!;
    expect(newest).toMatchObject({ createdAt: record.createdAt, status: record.status, alert: { title: record.signal.title, service: record.signal.service, source: 'alertmanager' }, rootCause: { service: record.rca!.rootCause.service, kind: record.rca!.rootCause.kind, confidence: record.rca!.confidence } });
    expect(JSON.stringify(page)).not.toContain(acmeRun.investigationId);
    const acme = (await list('', tokens.acme, 'acme')).body as InvestigationList;
    expect(acme.investigations.map((i) => i.investigationId)).toEqual([acmeRun.investigationId]);
  });

  it('filters by service (the alert\'s or the root cause\'s), by status and by creation time', async () => {
    const pricing = (await list('?service=pricing')).body as InvestigationList;
    expect(pricing.investigations.map((i) => i.investigationId)).toEqual([demoRuns[2]!.investigationId]);
    const storefront = (await list('?service=storefront')).body as InvestigationList;
    const involvesStorefront = demoRuns.filter((r) => r.signal.service === 'storefront' || r.rca?.rootCause.service === 'storefront');
    expect(storefront.investigations.map((i) => i.investigationId)).toEqual(involvesStorefront.map((r) => r.investigationId).reverse());
    expect(storefront.investigations.length).toBeGreaterThan(0);
    const statuses = [...new Set(demoRuns.map((r) => r.status))];
    const byStatus = (await list(`?status=${statuses[0]}`)).body as InvestigationList;
    expect(byStatus.investigations.length).toBe(demoRuns.filter((r) => r.status === statuses[0]).length);
    expect(byStatus.investigations.every((i) => i.status === statuses[0])).toBe(true);
    const since = (await list(`?since=${encodeURIComponent(demoRuns[1]!.createdAt)}`)).body as InvestigationList;
    expect(since.investigations.map((i) => i.investigationId)).toEqual([demoRuns[2]!.investigationId, demoRuns[1]!.investigationId]);
    expect(((await list('?since=2999-01-01T00:00:00Z')).body as InvestigationList).investigations).toEqual([]);
  });

  it('refuses bad parameters with a 400 that names them', async () => {
    expect(await list('?status=open')).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^status/) } });
    expect(await list('?since=yesterday')).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^since/) } });
    expect(await list('?limit=1000')).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^limit/) } });
    expect(await list('?servce=pricing')).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^servce/) } });
  });

  it('pages with an opaque cursor that cannot be altered, moved to another filter or used by another tenant', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (await list(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).body as InvestigationList;
      expect(page.investigations).toHaveLength(1);
      seen.push(page.investigations[0]!.investigationId);
      cursor = page.nextCursor;
      if (cursor) expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain('TENANT#');
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(demoRuns.map((r) => r.investigationId).reverse());

    const first = ((await list('?limit=1')).body as InvestigationList).nextCursor!;
    const flipped = Buffer.from(first, 'base64url');
    flipped[flipped.length - 1] = flipped[flipped.length - 1]! ^ 1;
    for (const bad of [flipped.toString('base64url'), 'not-a-cursor']) expect((await list(`?limit=1&cursor=${bad}`)).status).toBe(400);
    expect((await list(`?limit=1&service=pricing&cursor=${first}`)).body.error).toMatch(/^cursor/);
    expect((await list(`?limit=1&cursor=${first}`, tokens.acme, 'acme')).status).toBe(400);
    expect(((await list(`?limit=5&cursor=${first}`)).body as InvestigationList).investigations).toHaveLength(2);
  });
});

describe('read API: one investigation', () => {
  it('returns the record and its audit trail', async () => {
    const record = demoRuns[2]!;
    const { status, body } = await get(`/v1/tenants/demo/investigations/${record.investigationId}`, tokens.demo);
    expect(status).toBe(200);
    const detail = body as InvestigationDetail;
    expect(detail.investigation.investigationId).toBe(record.investigationId);
    expect(detail.investigation.rca?.rootCause).toEqual(record.rca?.rootCause);
    expect(detail.audit.map((e) => e.type)).toContain('policy.decided');
  });

  it('answers 404 for an unknown id, and for another tenant\'s investigation', async () => {
    expect((await get('/v1/tenants/demo/investigations/replay-nothing-here', tokens.demo)).status).toBe(404);
    expect((await get(`/v1/tenants/demo/investigations/${acmeRun.investigationId}`, tokens.demo)).status).toBe(404);
    expect((await get(`/v1/tenants/acme/investigations/${acmeRun.investigationId}`, tokens.acme)).status).toBe(200);
  });
});

describe('explorer: sign-in and sessions', () => {
  const base = '/explorer/tenants/demo/investigations';

  async function loginLink(next: string): Promise<string> {
    const code = await mintLoginCode(stack.tableName, { tenantId: 'demo', next, by: { issuer: 'causeway:local', subject: 'tester' } }, stack.db);
    return `/explorer/tenants/demo/login?code=${code}`;
  }

  async function sessionCookie(): Promise<string> {
    const response = await get(await loginLink(base));
    return response.headers.getSetCookie()[0]!.split(';')[0]!;
  }

  it('exchanges a login link once for an HttpOnly, SameSite=Strict session cookie and a redirect to a clean URL', async () => {
    const target = `${base}/${demoRuns[2]!.investigationId}`;
    const link = await loginLink(target);
    const first = await get(link);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(target);
    const [cookie] = first.headers.getSetCookie();
    expect(cookie).toMatch(/^causeway_session=[\w-]+\.[\w-]+; Path=\/; Max-Age=28800; HttpOnly; SameSite=Strict$/);
    const again = await get(link);
    expect(again.status).toBe(401);
    expect(again.text).toContain('already used or has expired');
    expect(again.headers.getSetCookie()).toEqual([]);

    const detail = await get(target, undefined, { cookie: cookie!.split(';')[0]! });
    expect(detail.status).toBe(200);
    expect(detail.text).toContain(escape(demoRuns[2]!.rca!.rootCause.statement.text));
    expect(detail.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('shows the sign-in form with a 401 without a session, with a tampered one, and on another tenant\'s pages', async () => {
    const cookie = await sessionCookie();
    const [name, value] = cookie.split('=');
    const tampered = `${name}=${value!.slice(0, -2)}xx`;
    for (const [path, header] of [[base, ''], [base, tampered], ['/explorer/tenants/acme/investigations', cookie], [`/explorer/tenants/acme/investigations/${acmeRun.investigationId}`, cookie]] as const) {
      const page = await get(path, undefined, header ? { cookie: header } : {});
      expect(page.status).toBe(401);
      expect(page.text).toContain('Sign in to the investigation explorer');
      expect(page.text).not.toContain(acmeRun.investigationId.replace(/-/g, ''));
    }
  });

  it('signs in with the tenant API token from a POST form on the same origin, and refuses a wrong token or a cross-site post', async () => {
    const post = (body: string, origin = stack.apiUrl) => fetch(`${stack.apiUrl}/explorer/sign-in`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin }, body });
    const ok = await post(`tenant=demo&token=${tokens.demo}&next=${encodeURIComponent(`${base}?service=pricing`)}`);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`${base}?service=pricing`);
    expect(ok.headers.getSetCookie()[0]).toMatch(/^causeway_session=.*HttpOnly; SameSite=Strict$/);
    for (const body of [`tenant=demo&token=${tokens.acme}`, `tenant=nobody&token=${tokens.demo}`]) {
      const refused = await post(body);
      expect(refused.status).toBe(401);
      expect(await refused.text()).toContain('That tenant and token do not match.');
    }
    expect((await post(`tenant=demo&token=${tokens.demo}`, 'https://evil.example')).status).toBe(403);
    const offsite = await post(`tenant=demo&token=${tokens.demo}&next=${encodeURIComponent('https://evil.example/')}`);
    expect(offsite.headers.get('location')).toBe(base);
  });

  it('lists, filters and pages in HTML, and shows each evidence item with its deep link', async () => {
    const cookie = await sessionCookie();
    const page = await get(`${base}?service=pricing`, undefined, { cookie });
    expect(page.status).toBe(200);
    expect(page.text).toContain(demoRuns[2]!.investigationId);
    expect(page.text).not.toContain(demoRuns[0]!.investigationId);
    const evidence = await get(`${base}/${demoRuns[2]!.investigationId}/evidence/CHANGE_2`, undefined, { cookie });
    expect(evidence.status).toBe(200);
    expect(evidence.text).toContain('pricing v3.12.0');
    expect((await get(`${base}/${demoRuns[2]!.investigationId}/evidence/LOG_9999`, undefined, { cookie })).status).toBe(404);
  });
});

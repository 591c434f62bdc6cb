import { readFileSync } from 'node:fs';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ChangeEvent, type CatalogEntry } from '../../../../functions/contracts/index.js';
import { runProvider } from '../../../../functions/providers/handler-factory.js';
import { makeGithubProvider } from '../../../../functions/providers/github/provider.js';
import { nextLink } from '../../../../functions/providers/github/client.js';
import { TransientError } from '../../../../functions/shared/errors.js';
import { BackendAuthError, BackendQueryError, type HttpRequest, type HttpResponse } from '../../../../functions/shared/http-client.js';
import { fakeBackend, json, plan } from '../grafana-test-kit.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/providers/github/${name}`, import.meta.url), 'utf8'));
const TOKEN = 'ghp_s3cr3tT0ken';
const CATALOG: Record<string, CatalogEntry> = { pricing: { repo: 'acme/shop', path: 'services/pricing/' }, checkout: { repo: 'https://github.com/acme/checkout.git' } };
const provider = makeGithubProvider(async (tenantId) => (tenantId === 'demo' ? CATALOG : {}));
const deps = () => ({ signal: new AbortController().signal, readSecret: async (ref: string) => (ref === 'causeway/tenants/demo/github' ? { token: TOKEN } : undefined) });
const githubPlan = (options: Record<string, unknown> = {}, extra: Parameters<typeof plan>[2] = {}) =>
  plan('changes', { type: 'github', endpoint: undefined, secretRef: 'causeway/tenants/demo/github', options: { environment: 'production', ...options } }, extra);

/** GitHub as the fixtures describe it: acme/shop (pricing in a monorepo) and acme/checkout. */
function github(request: HttpRequest, url: URL): HttpResponse {
  const path = url.pathname.replace(/^\/api\/v3/, '');
  const routes: Record<string, unknown> = {
    '/repos/acme/shop/deployments': fixture('deployments.json'),
    '/repos/acme/shop/deployments/9101/statuses': fixture('deployment-statuses.json'),
    '/repos/acme/shop/deployments/9077/statuses': [],
    '/repos/acme/shop/releases': [],
    '/repos/acme/shop/pulls': fixture('pulls.json'),
    '/repos/acme/shop/pulls/482/files': fixture('pull-files-482.json'),
    '/repos/acme/shop/pulls/481/files': fixture('pull-files-481.json'),
    '/repos/acme/shop/commits': fixture('commits.json'),
    '/repos/acme/checkout/deployments': [],
    '/repos/acme/checkout/releases': fixture('releases.json'),
    '/repos/acme/checkout/pulls': [],
    '/repos/acme/checkout/commits': [],
  };
  if (!(path in routes)) throw new Error(`unexpected ${request.method} ${request.url}`);
  return json(routes[path]);
}

describe('github provider', () => {
  it('reads deployments with statuses, releases, merged pull requests with files and commits, through the catalog', async () => {
    const seen = fakeBackend(github);
    const found = await provider.query(githubPlan(), deps());
    const byPath = Object.fromEntries(seen.map((r) => [new URL(r.url).pathname, Object.fromEntries(new URL(r.url).searchParams)]));
    expect(byPath['/repos/acme/shop/deployments']).toEqual({ environment: 'production', per_page: '50' });
    expect(byPath['/repos/acme/shop/pulls']).toEqual({ state: 'closed', sort: 'updated', direction: 'desc', per_page: '50' });
    expect(byPath['/repos/acme/shop/commits']).toEqual({ path: 'services/pricing', since: '2026-05-12T13:22:00.000Z', until: '2026-05-12T14:27:00.000Z', per_page: '50' });
    expect(byPath['/repos/acme/checkout/commits']).toEqual({ since: '2026-05-12T13:22:00.000Z', until: '2026-05-12T14:27:00.000Z', per_page: '50' });
    expect(byPath['/repos/acme/shop/deployments/9001/statuses']).toBeUndefined();
    expect(byPath['/repos/acme/shop/pulls/470/files']).toBeUndefined();
    for (const r of seen) expect(r.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'x-github-api-version': '2022-11-28', accept: 'application/vnd.github+json' });

    const items = found.items.map((i) => ChangeEvent.parse(i));
    expect(items.find((c) => c.version === 'v3.12.0')).toEqual({
      class: 'changes', at: '2026-05-12T14:11:00.000Z', service: 'pricing', kind: 'deployment',
      summary: 'pricing v3.12.0 deployed to production (success): pricing v3.12.0: money rounding refactor',
      version: 'v3.12.0', previousVersion: 'v3.11.4', author: 'm-okafor', commit: '4e1d9a2', source: 'github', link: 'https://github.com/acme/shop/actions/runs/8812/job/1',
    });
    expect(items.find((c) => c.summary.includes('PR #482'))).toMatchObject({
      at: '2026-05-12T14:05:00.000Z', service: 'pricing', kind: 'deployment', author: 'm-okafor', commit: '4e1d9a2', link: 'https://github.com/acme/shop/pull/482',
      summary: 'pricing: PR #482 merged into main: pricing: money rounding refactor for multi-currency price books (4 files, +234 −77: services/pricing/src/money.ts, services/pricing/test/money.test.ts, services/pricing/src/price-book.ts, …)',
    });
    expect(items.find((c) => c.source === 'github' && c.summary.includes('commit 7777aaa'))).toMatchObject({ at: '2026-05-12T13:40:00.000Z', author: 'Ops Bot', summary: 'pricing: commit 7777aaa in services/pricing: pricing: bump tax-service client timeout' });
    expect(items.find((c) => c.service === 'checkout')).toEqual({
      class: 'changes', at: '2026-05-12T14:02:00.000Z', service: 'checkout', kind: 'deployment', summary: 'checkout release v2.4.1 published: Checkout 2.4.1',
      version: 'v2.4.1', previousVersion: 'v2.4.0', author: 's-ito', source: 'github', link: 'https://github.com/acme/checkout/releases/tag/v2.4.1',
    });
    // The search PR touches another folder of the monorepo; the merge commit is already the PR; v3.11.4 was replaced in the window.
    expect(items).toHaveLength(4);
    expect(found.query.text).toBe('GitHub deployments, releases, pulls, commits to production for the catalog repos of checkout, pricing over 13:22–14:27Z (deployments and releases from 168h before)');
    expect(found.notes).toEqual([]);
    expect(JSON.stringify(found)).not.toContain('s3cr3t');
  });

  it('keeps the release a service was running when nothing replaced it in the window', async () => {
    fakeBackend((request, url) => (url.pathname === '/repos/acme/shop/deployments' ? json([(fixture('deployments.json') as unknown[])[1]]) : github(request, url)));
    const found = await provider.query(githubPlan({ include: ['deployments'] }, { services: ['pricing'] }), deps());
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toEqual({ class: 'changes', at: '2026-05-11T16:30:00.000Z', service: 'pricing', kind: 'deployment', summary: 'pricing v3.11.4 deployed to production', version: 'v3.11.4', author: 'j-lee', commit: 'a11b22c', source: 'github', link: 'https://github.com/acme/shop/deployments/production' });
  });

  it('by default keeps the release a service has run for days, and not one past the lookback', async () => {
    const old = { ...(fixture('deployments.json') as Record<string, unknown>[])[1], id: 9077, ref: 'v3.10.0', created_at: '2026-05-10T11:00:00Z' };
    fakeBackend((request, url) => (url.pathname === '/repos/acme/shop/deployments' ? json([old]) : github(request, url)));
    const versions = async (options: Record<string, unknown>) => (await provider.query(githubPlan({ include: ['deployments'], ...options }, { services: ['pricing'] }), deps())).items.map((c) => (c as { version: string }).version);
    expect(await versions({})).toEqual(['v3.10.0']);
    expect(await versions({ releaseLookbackHours: 48 })).toEqual([]);
  });

  it('stops paging at the first page that reaches before the window, whatever the lookback', async () => {
    const at = ['2026-05-12T14:20:00Z', '2026-05-12T13:40:00Z', '2026-05-12T13:30:00Z', '2026-05-11T09:00:00Z', '2026-05-10T09:00:00Z', '2026-05-09T09:00:00Z'];
    const seen = fakeBackend((request, url) => {
      if (url.pathname !== '/repos/acme/shop/deployments') return json([]);
      const n = Number(url.searchParams.get('page') ?? '1');
      const page = at.slice((n - 1) * 2, n * 2).map((created_at, i) => ({ ...(fixture('deployments.json') as Record<string, unknown>[])[0], id: n * 10 + i, ref: `v0.${n}.${i}`, created_at }));
      return json(page, 200, n < 3 ? { link: `<https://api.github.com/repos/acme/shop/deployments?environment=production&per_page=10&page=${n + 1}>; rel="next"` } : {});
    });
    const found = await provider.query(githubPlan({ include: ['deployments'], perPage: 10, maxPages: 3, maxDeploymentStatuses: 0, releaseLookbackHours: 336 }, { services: ['pricing'] }), deps());
    expect(seen.filter((r) => new URL(r.url).pathname.endsWith('/deployments')).map((r) => new URL(r.url).searchParams.get('page'))).toEqual([null, '2']);
    expect(found.items.map((c) => (c as { version: string }).version).sort()).toEqual(['v0.1.0', 'v0.1.1', 'v0.2.0']);
    expect(found.notes).toEqual([]);
  });

  it('follows the Link header up to maxPages and says what it left out', async () => {
    const page = (n: number) => Array.from({ length: 2 }, (_, i) => ({ ...(fixture('deployments.json') as Record<string, unknown>[])[0], id: n * 10 + i, ref: `v0.${n}.${i}`, created_at: `2026-05-12T14:0${n}:0${i}Z` }));
    const seen = fakeBackend((request, url) => {
      if (url.pathname !== '/repos/acme/shop/deployments') return url.pathname.endsWith('/statuses') ? json([]) : json([]);
      const n = Number(url.searchParams.get('page') ?? '1');
      return json(page(n), 200, { link: `<https://api.github.com/repos/acme/shop/deployments?environment=production&per_page=2&page=${n + 1}>; rel="next", <https://api.github.com/repos/acme/shop/deployments?page=9>; rel="last"` });
    });
    const found = await provider.query(githubPlan({ include: ['deployments'], perPage: 10, maxPages: 2, maxDeploymentStatuses: 0 }, { services: ['pricing'] }), deps());
    expect(seen.map((r) => new URL(r.url).searchParams.get('page'))).toEqual([null, '2']);
    expect(found.items).toHaveLength(4);
    expect(found.notes).toEqual(['pricing: read 2 pages of deployments (10 each); older ones in the range were not read']);
  });

  it('answers no data naming what it searched, and says which services have no repo', async () => {
    fakeBackend((_, url) => json(url.pathname.includes('/repos/') ? [] : {}));
    const found = await provider.query(githubPlan({}, { services: ['pricing', 'cart'] }), deps());
    expect(found.items).toEqual([]);
    expect(found.notes).toEqual(['no catalog repo for cart: not searched']);
    expect(found.query.target).toBe('https://api.github.com');
  });

  it('uses the GitHub Enterprise API root and links to its web host', async () => {
    const seen = fakeBackend((request, url) => (url.pathname === '/api/v3/repos/acme/shop/deployments/9101/statuses' ? json([]) : github(request, url)));
    const found = await provider.query(githubPlan({ apiUrl: 'https://ghe.example.com/api/v3', include: ['deployments'] }, { services: ['pricing'] }), deps());
    expect(seen.every((r) => r.url.startsWith('https://ghe.example.com/api/v3/repos/acme/shop/'))).toBe(true);
    expect(found.items[0]).toMatchObject({ version: 'v3.12.0', link: 'https://ghe.example.com/acme/shop/deployments/production' });
  });

  it('classifies failures: 401 and a refused 403 are auth errors, a spent rate limit is transient, 422 a query error, 5xx transient', async () => {
    const fail = (status: number, remaining = '4999') =>
      fakeBackend((_, url) => (url.pathname === '/rate_limit' ? json({ resources: { core: { limit: 5000, remaining: Number(remaining), reset: 1778595600, used: 5000 - Number(remaining) } }, rate: {} }) : json({ message: 'nope', documentation_url: 'https://docs.github.com/rest' }, status, { 'x-ratelimit-remaining': remaining })));
    fail(401);
    await expect(provider.query(githubPlan(), deps())).rejects.toBeInstanceOf(BackendAuthError);
    fail(403);
    await expect(provider.query(githubPlan(), deps())).rejects.toBeInstanceOf(BackendAuthError);
    fail(403, '0');
    await expect(provider.query(githubPlan(), deps())).rejects.toThrow(new TransientError('GET https://api.github.com/repos/acme/checkout/deployments: GitHub rate limit spent until 2026-05-12T14:20:00.000Z'));
    fail(422);
    await expect(provider.query(githubPlan(), deps())).rejects.toBeInstanceOf(BackendQueryError);
    fail(502);
    await expect(provider.query(githubPlan(), deps())).rejects.toBeInstanceOf(TransientError);
  });

  it('keeps a flood of commits under the byte budget, deployments first', async () => {
    const commits = Array.from({ length: 100 }, (_, i) => ({ ...(fixture('commits.json') as Record<string, unknown>[])[1], sha: `${String(i).padStart(4, '0')}${'a'.repeat(36)}`, commit: { author: { name: 'bot', date: '2026-05-12T14:00:00Z' }, message: `chore: ${'x'.repeat(400)}` } }));
    fakeBackend((request, url) => (url.pathname === '/repos/acme/shop/commits' ? json(commits, 200, { link: `<${url.origin}${url.pathname}?page=2>; rel="next"` }) : github(request, url)));
    const found = await provider.query(githubPlan({ maxPages: 3 }, { limits: { maxItems: 200, maxBytes: 8 * 1024 } }), deps());
    expect(Buffer.byteLength(JSON.stringify(found.items))).toBeLessThan(8 * 1024);
    expect(found.items.map((i) => (i as ChangeEvent).version)).toEqual(expect.arrayContaining(['v3.12.0', 'v2.4.1']));
    expect((found.notes ?? []).join(' ')).toMatch(/read 3 pages of commits.*kept \d+ of 303 changes/);
  });

  it('runs in the envelope: an unreadable secret is a named configuration error, success carries the query', async () => {
    fakeBackend(github);
    const secrets = mockClient(SecretsManagerClient);
    onTestFinished(() => void secrets.restore());
    secrets.on(GetSecretValueCommand, { SecretId: 'causeway/tenants/demo/github' }).resolves({ SecretString: JSON.stringify({ token: TOKEN }) });
    secrets.on(GetSecretValueCommand, { SecretId: 'causeway/tenants/demo/missing' }).rejects(Object.assign(new Error('not found'), { name: 'ResourceNotFoundException' }));
    const ok = await runProvider(provider, githubPlan());
    expect(ok).toMatchObject({ status: 'success', evidenceClass: 'changes', backend: { type: 'github' } });
    const bad = await runProvider(provider, githubPlan({}, { backend: { id: 'gh', type: 'github', classes: ['changes'], secretRef: 'causeway/tenants/demo/missing', options: {} } }));
    expect(bad).toMatchObject({ status: 'error', error: { name: 'ConfigurationError', message: 'backend gh: secret causeway/tenants/demo/missing must be JSON { "token": "…" }' } });
  });

  it('refuses another tenant’s secret named in a plan, before Secrets Manager or GitHub is called', async () => {
    fakeBackend(() => {
      throw new Error('GitHub must not be called');
    });
    const secrets = mockClient(SecretsManagerClient);
    onTestFinished(() => void secrets.restore());
    const foreign = await runProvider(provider, githubPlan({}, { backend: { id: 'gh', type: 'github', classes: ['changes'], secretRef: 'causeway/tenants/acme/github', options: {} } }));
    expect(foreign).toMatchObject({ status: 'error', error: { name: 'SecretScopeError', message: 'secret causeway/tenants/acme/github is not under causeway/tenants/demo/: tenant demo may read only its own secrets' } });
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  it('reads the next page from a Link header', () => {
    expect(nextLink('<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"')).toBe('https://api.github.com/x?page=2');
    expect(nextLink('<https://api.github.com/x?page=1>; rel="prev"')).toBeUndefined();
  });
});

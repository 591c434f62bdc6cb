import { describe, expect, it } from 'vitest';
import { handleExplorer, type ExplorerRequest } from '../../../functions/explorer/core.js';
import { escape, html, safeUrl } from '../../../functions/explorer/html.js';
import { HOSTILE, cookieFor, fakeDeps } from './fixtures.js';

const request = (path: string, overrides: Partial<ExplorerRequest> = {}): ExplorerRequest => ({ method: 'GET', path, query: {}, cookies: [cookieFor('demo')], headers: {}, form: {}, domainName: 'abc.execute-api.eu-west-1.amazonaws.com', ...overrides });
const detail = '/explorer/tenants/demo/investigations/inv-1';

describe('output encoding', () => {
  it('escapes every interpolated value, and lets only built markup through', () => {
    expect(html`<p title="${'"x"'}">${HOSTILE}</p>`.value).toBe(`<p title="&quot;x&quot;">${escape(HOSTILE)}</p>`);
    expect(escape(HOSTILE)).not.toMatch(/[<>]/);
    expect(html`<div>${html`<b>${'<i>'}</b>`}</div>`.value).toBe('<div><b>&lt;i&gt;</b></div>');
  });

  it('keeps only http and https links from data', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,<script>')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
    expect(safeUrl('https://grafana.example/d/1?a=1')).toBe('https://grafana.example/d/1?a=1');
  });
});

describe('explorer pages', () => {
  it('renders hostile alert, evidence, feedback, similar-incident and audit text as text on the detail page', async () => {
    const page = await handleExplorer(request(detail), fakeDeps());
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body.split(escape(HOSTILE)).length - 1).toBeGreaterThanOrEqual(6);
    expect(page.body).not.toContain('javascript:');
    expect(page.body).toContain('href="https://grafana.example/d/1"');
    expect(page.body).not.toMatch(/<script>|<style|<[a-z][^>]*\s(style|on\w+)=/i);
  });

  it('shows the root cause, the graph, the suspects with why they lost, provider errors, similar incidents, feedback and the console link', async () => {
    const { body } = await handleExplorer(request(detail), fakeDeps());
    expect(body).toContain('<strong>pricing</strong> — deployment');
    expect(body).toContain('From the root cause to the alert: pricing → checkout.');
    expect(body).toContain('Lost: 0.50 behind pricing deployment; lacks CHANGE_1, which the winner has.');
    expect(body).toContain('<strong>TransientError</strong>: loki 503');
    expect(body).toContain('<a href="https://logs.example/q?x=%22a%22&amp;y=%3Cb%3E" rel="noreferrer noopener" target="_blank" class="small">in the backend ↗<span class="visually-hidden"> (LOG_1)</span></a>');
    expect(body).toContain('Similar past incidents');
    expect(body).toContain('Alert lifecycle');
    expect(body).toMatch(/<strong>note added<\/strong> by Dana On-Call <span class="muted">\(pagerduty\)<\/span>/);
    expect(body).toMatch(/<strong>resolved<\/strong> by Dana On-Call/);
    expect(body).toContain('data-action="/v1/tenants/demo/investigations/inv-1/feedback"');
    expect(body).toContain(`https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/${encodeURIComponent('arn:aws:states:eu-west-1:123456789012:execution:causeway-investigation:inv-1')}`);
  });

  it('shows an evidence item without a javascript: deep link, and escapes its log lines', async () => {
    const change = await handleExplorer(request(`${detail}/evidence/CHANGE_1`), fakeDeps());
    expect(change.body).toContain('The backend gave no deep link for this item.');
    const log = await handleExplorer(request(`${detail}/evidence/LOG_1`), fakeDeps());
    expect(log.body).toContain(`<pre class="log">${escape(HOSTILE)}</pre>`);
    expect(log.body).toContain('href="https://logs.example/q?x=%22a%22&amp;y=%3Cb%3E"');
    expect((await handleExplorer(request(`${detail}/evidence/LOG_2`), fakeDeps())).status).toBe(404);
  });
});

describe('explorer sessions', () => {
  it('answers 401 with the sign-in form without a session, with another tenant\'s, or an expired one', async () => {
    const expired = cookieFor('demo', new Date('2026-05-11T00:00:00Z'));
    for (const cookies of [[], [cookieFor('acme')], [expired], ['causeway_session=forged.signature']]) {
      const page = await handleExplorer(request(detail, { cookies }), fakeDeps());
      expect(page.status).toBe(401);
      expect(page.body).toContain('Sign in to the investigation explorer');
      expect(page.body).toContain(`name="next" value="${detail}"`);
    }
  });

  it('sets a Secure __Host- cookie off loopback and a plain one on loopback, after checking the token', async () => {
    const post = (domainName: string, form: Record<string, string>) => handleExplorer(request('/explorer/sign-in', { method: 'POST', cookies: [], domainName, headers: { origin: `${domainName.startsWith('127.') ? 'http' : 'https'}://${domainName}` }, form }), fakeDeps());
    const deployed = await post('abc.execute-api.eu-west-1.amazonaws.com', { tenant: 'demo', token: 'tenant-api-token-0123456789' });
    expect(deployed.status).toBe(303);
    expect(deployed.cookies?.[0]).toMatch(/^__Host-causeway_session=[\w-]+\.[\w-]+; Path=\/; Max-Age=28800; HttpOnly; SameSite=Strict; Secure$/);
    const local = await post('127.0.0.1:4010', { tenant: 'demo', token: 'tenant-api-token-0123456789' });
    expect(local.cookies?.[0]).toMatch(/^causeway_session=.*; HttpOnly; SameSite=Strict$/);
    const wrong = await post('127.0.0.1:4010', { tenant: 'demo', token: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.cookies).toBeUndefined();
  });

  it('refuses cross-site posts, and never redirects off the explorer after sign-in', async () => {
    const signIn = (headers: Record<string, string>, next?: string) => handleExplorer(request('/explorer/sign-in', { method: 'POST', cookies: [], headers, form: { tenant: 'demo', token: 'tenant-api-token-0123456789', ...(next ? { next } : {}) } }), fakeDeps());
    expect((await signIn({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await signIn({})).status).toBe(403);
    expect((await signIn({ 'sec-fetch-site': 'same-origin' })).status).toBe(303);
    for (const next of ['https://evil.example/', '//evil.example/explorer/', '/explorer/../v1/x', '/explorer//evil.example']) {
      const answer = await signIn({ origin: 'https://abc.execute-api.eu-west-1.amazonaws.com' }, next);
      expect(answer.headers.location).toBe('/explorer/tenants/demo/investigations');
    }
  });

  it('exchanges a login code for a session with the identity the code was minted for', async () => {
    const deps = fakeDeps(undefined, { redeemLoginCode: async (tenantId, code) => (tenantId === 'demo' && code === 'good' ? { next: detail, by: { issuer: 'https://idp.example', subject: 'alice' } } : undefined) });
    const ok = await handleExplorer(request('/explorer/tenants/demo/login', { cookies: [], query: { code: 'good' } }), deps);
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe(detail);
    const page = await handleExplorer(request(detail, { cookies: [ok.cookies![0]!.split(';')[0]!] }), deps);
    expect(page.body).toContain('tenant <strong>demo</strong> · alice');
    expect((await handleExplorer(request('/explorer/tenants/demo/login', { cookies: [], query: { code: 'bad' } }), deps)).status).toBe(401);
  });
});

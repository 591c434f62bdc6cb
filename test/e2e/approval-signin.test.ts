import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario, ensureScenarioTenant } from '../../cli/scenario-run.js';
import { SESSION_COOKIE, sealSession } from '../../functions/approval/session.js';
import { readAudit } from '../../functions/shared/audit.js';
import { platformKeysFromSecret } from '../../functions/shared/platform-keys.js';
import { readRecord } from '../../functions/shared/records.js';
import { startLocalStack, PLATFORM_SECRET_NAME, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';
import { Browser, heading, linksFor, signIn, signInLinkFrom, userFor, type Page } from '../helpers/approvals.js';
import { identityFor, startLocalOidcIssuer, type LocalOidcIssuer } from '../helpers/oidc-issuer.js';

const SCENARIO = fileURLToPath(new URL('../../scenarios/shop-storefront-checkout-5xx.json', import.meta.url));

let stack: LocalStack;
let issuer: LocalOidcIssuer;
let otherTenantsIssuer: LocalOidcIssuer;
let approve: string;
let investigationId: string;

beforeAll(async () => {
  stack = await startLocalStack({ retryIntervalMs: 5 });
  issuer = await startLocalOidcIssuer();
  otherTenantsIssuer = await startLocalOidcIssuer({ clientId: issuer.clientId });
  const tenant = await ensureScenarioTenant(stack, 'demo');
  await putTenant(stack, { ...tenant, identity: identityFor(stack, 'demo', issuer, { allowedEmailDomains: ['example.com'] }), policy: { ...tenant.policy, approvers: [] } });
  const run = await runScenario(stack, SCENARIO);
  investigationId = run.record.investigationId;
  approve = linksFor(stack, run.record.approval!.approvalId).approve;
});

afterAll(async () => {
  await stack.stop();
  await issuer.stop();
  await otherTenantsIssuer.stop();
});

/** Walks the sign-in up to the provider's redirect back, returning the callback URL unvisited. */
async function callbackUrl(browser: Browser, user = userFor('oncall@example.com')): Promise<string> {
  const page = await browser.request(approve);
  issuer.signInAs(user);
  const toProvider = await browser.request(signInLinkFrom(page));
  const back = await browser.request(toProvider.location!);
  issuer.signInAs(undefined);
  expect(back.status).toBe(302);
  expect(new URL(back.location!).pathname).toBe('/v1/tenants/demo/identity/callback');
  return back.location!;
}

const refusedChecks = async () => (await readAudit(stack.tableName, 'demo', investigationId, stack.db)).filter((e) => e.type === 'approval.refused').map((e) => e.detail.check);
const signedInAs = (page: Page) => /Signed in as <strong>([^<]+)<\/strong>/.exec(page.html)?.[1];

describe('signing in on the approval page through the tenant’s OpenID Connect provider', () => {
  it('sends the browser to the provider with PKCE (S256), state and nonce, and back to the page signed in', async () => {
    const browser = new Browser();
    const page = await browser.request(approve);
    const toProvider = await browser.request(signInLinkFrom(page));
    expect(toProvider.status).toBe(302);
    const authorize = new URL(toProvider.location!);
    expect(authorize.origin).toBe(issuer.issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: issuer.clientId,
      redirect_uri: `${stack.apiUrl}/v1/tenants/demo/identity/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const { page: back } = await signIn(issuer, userFor('oncall@example.com'), approve, browser);
    expect(signedInAs(back)).toBe('oncall@example.com');
    expect(back.html).toContain('name="csrf"');
  });

  const tampered = [
    { name: 'a token signed by a key the issuer does not publish', tamper: { rogueKey: true }, check: 'bad_signature', says: 'not signed by the issuer' },
    { name: 'a token for another client', tamper: { audience: 'someone-elses-client' }, check: 'wrong_audience', says: 'issued for another client' },
    { name: 'an expired token', tamper: { expiresIn: -600 }, check: 'expired', says: 'has expired' },
    { name: 'a token from another tenant’s issuer', tamper: { issuer: 'https://other-tenant.okta.com' }, check: 'wrong_issuer', says: 'issued by another issuer' },
    { name: 'a token answering another sign-in', tamper: { nonce: 'a-nonce-from-elsewhere' }, check: 'nonce_mismatch', says: 'answers another sign-in' },
  ] as const;
  for (const { name, tamper, check, says } of tampered) {
    it(`refuses ${name}: no session, the refusal audited`, async () => {
      const browser = new Browser();
      const callback = await callbackUrl(browser);
      issuer.tamperNextToken(tamper);
      const refused = await browser.request(callback);
      expect(refused.status).toBe(401);
      expect(heading(refused.html)).toBe('Sign-in refused');
      expect(refused.html).toContain(says);
      expect((await refusedChecks()).at(-1)).toBe(check);
      expect(signedInAs(await browser.request(approve))).toBeUndefined();
    });
  }

  it('refuses a verified email outside the tenant’s allowed domains, and an email the provider did not verify', async () => {
    const outside = new Browser();
    expect((await outside.request(await callbackUrl(outside, userFor('someone@evil.test')))).status).toBe(401);
    const unverified = new Browser();
    expect((await unverified.request(await callbackUrl(unverified, { sub: 'x', email: 'oncall@example.com', emailVerified: false }))).status).toBe(401);
    expect((await refusedChecks()).slice(-2)).toEqual(['email_domain_not_allowed', 'email_domain_not_allowed']);
  });

  it('a replayed callback finds its state used; a replayed code is refused by the provider', async () => {
    const browser = new Browser();
    const callback = await callbackUrl(browser);
    expect((await browser.request(callback)).status).toBe(303);
    const again = await browser.request(callback);
    expect(again.status).toBe(401);
    expect(again.html).toContain('unknown to this tenant or was already used');
    const second = new Browser();
    const fresh = new URL(await callbackUrl(second));
    fresh.searchParams.set('code', new URL(callback).searchParams.get('code')!);
    const replayedCode = await second.request(fresh.toString());
    expect(replayedCode.status).toBe(401);
    expect(replayedCode.html).toContain('refused the code: invalid_grant');
    expect((await refusedChecks()).at(-1)).toBe('code_rejected');
  });

  it('a state this tenant never issued, or a callback opened in another browser, is refused', async () => {
    const browser = new Browser();
    const callback = new URL(await callbackUrl(browser));
    const invented = new URL(callback);
    invented.searchParams.set('state', 'A'.repeat(43));
    expect((await browser.request(invented.toString())).status).toBe(401);
    const elsewhere = await new Browser().request(callback.toString());
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.html).toContain('started in another browser');
    expect((await refusedChecks()).at(-1)).toBe('state_mismatch');
    const otherTenant = new URL(callback.toString().replace('/tenants/demo/', '/tenants/other/'));
    expect((await browser.request(otherTenant.toString())).status).toBe(401);
  });

  it('a code from another tenant’s issuer is unknown to this tenant’s provider', async () => {
    const browser = new Browser();
    const callback = new URL(await callbackUrl(browser));
    otherTenantsIssuer.signInAs(userFor('oncall@example.com'));
    const foreign = await fetch(`${otherTenantsIssuer.issuer}/authorize?${new URLSearchParams({ response_type: 'code', client_id: issuer.clientId, redirect_uri: callback.origin + callback.pathname, code_challenge: 'x'.repeat(43), code_challenge_method: 'S256', state: 's' })}`, { redirect: 'manual' });
    otherTenantsIssuer.signInAs(undefined);
    callback.searchParams.set('code', new URL(foreign.headers.get('location')!).searchParams.get('code')!);
    expect((await browser.request(callback.toString())).status).toBe(401);
    expect((await refusedChecks()).at(-1)).toBe('code_rejected');
  });

  it('a session cookie sealed for another tenant, or made up, is no session here', async () => {
    const keys = platformKeysFromSecret(JSON.parse(stack.secrets.get(PLATFORM_SECRET_NAME)!))!;
    const foreign = sealSession(keys, 'other', { via: 'oidc', issuer: issuer.issuer, subject: 'sub-oncall', email: 'oncall@example.com' }, Math.floor(Date.now() / 1000) + 600).value;
    for (const value of [foreign, 'k0.AAAA.BBBB.CCCC', 'not-even-sealed']) {
      const response = await fetch(approve, { headers: { cookie: `${SESSION_COOKIE}=${value}` } });
      expect(await response.text()).toContain('Sign in with the test provider');
    }
  });

  it('will not send anyone to a provider whose discovery document names another issuer', async () => {
    const tenant = await ensureScenarioTenant(stack, 'demo');
    const aliased = issuer.issuer.replace('127.0.0.1', 'localhost');
    await putTenant(stack, { ...tenant, identity: { ...tenant.identity!, issuer: aliased } });
    try {
      const browser = new Browser();
      const start = await browser.request(signInLinkFrom(await browser.request(approve)));
      expect(start.status).toBe(502);
      expect(start.html).toContain(`the discovery document names issuer ${issuer.issuer}, not ${aliased}`);
    } finally {
      await putTenant(stack, tenant);
    }
  });

  it('none of this decided anything', async () => {
    const record = await readRecord(stack.tableName, 'demo', investigationId, stack.db);
    expect(record?.approval?.status).toBe('pending');
    expect(stack.sfn.listExecutions().find((e) => e.name === investigationId)?.status).toBe('RUNNING');
    expect((await readAudit(stack.tableName, 'demo', investigationId, stack.db)).map((e) => e.type)).not.toContain('approval.decided');
    await stack.sfn.stopExecution(investigationId);
  });
});

describe('signing in to the explorer through the same provider', () => {
  const start = (next: string) => `${stack.apiUrl}/v1/tenants/demo/identity/signin?next=${encodeURIComponent(next)}`;

  async function signInToExplorer(browser: Browser, next: string, user = userFor('oncall@example.com')): Promise<Page> {
    const toProvider = await browser.request(start(next));
    expect(toProvider.status).toBe(302);
    expect(new URL(toProvider.location!).origin).toBe(issuer.issuer);
    issuer.signInAs(user);
    const back = await browser.request(toProvider.location!);
    issuer.signInAs(undefined);
    return browser.request(back.location!);
  }

  it('ends in an explorer session for the verified person, back on the page asked for', async () => {
    const browser = new Browser();
    const next = `/explorer/tenants/demo/investigations/${investigationId}`;
    const landed = await signInToExplorer(browser, next);
    expect(landed.status).toBe(303);
    expect(landed.location).toBe(`${stack.apiUrl}${next}`);
    const page = await browser.request(landed.location!);
    expect(page.status).toBe(200);
    expect(page.html).toContain(investigationId);
    expect(page.html).toContain('oncall@example.com');
  });

  it('sends nobody off the tenant’s explorer: any other target becomes the tenant’s list', async () => {
    for (const next of ['https://evil.example/phish', '//evil.example', '/explorer/tenants/other/investigations', '/v1/tenants/demo/investigations']) {
      const landed = await signInToExplorer(new Browser(), next);
      expect(landed.location, next).toBe(`${stack.apiUrl}/explorer/tenants/demo/investigations`);
    }
  });

  it('refuses a forged ID token: no explorer session', async () => {
    const browser = new Browser();
    const toProvider = await browser.request(start('/explorer/tenants/demo/investigations'));
    issuer.signInAs(userFor('oncall@example.com'));
    const back = await browser.request(toProvider.location!);
    issuer.signInAs(undefined);
    issuer.tamperNextToken({ rogueKey: true });
    const refused = await browser.request(back.location!);
    expect(refused.status).toBe(401);
    expect((await browser.request(`${stack.apiUrl}/explorer/tenants/demo/investigations`)).status).toBe(401);
  });
});

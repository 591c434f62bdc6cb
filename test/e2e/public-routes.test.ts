import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignalSource } from '../../functions/contracts/index.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';
import { resourcesOfType } from '../infra/template.js';
import { synthCauseway } from '../infra/synth.js';

/*
 * Every route of the deployed HTTP API, read from the synthesized template (lib/api.ts), is
 * called on the local API without any credential. The README promises 401 for that; the few
 * routes whose answer is documented otherwise are listed here with the reason. A route added
 * to the API without authentication in its handler fails this test.
 */

/** Documented answers other than 401 to a request without credentials, by route key. */
const DOCUMENTED: Record<string, { status: number; why: string }> = {
  'GET /v1/tenants/{tenantId}/approvals/{approvalId}': { status: 403, why: 'an approval link without a valid signature is "not valid"' },
  'POST /v1/tenants/{tenantId}/approvals/{approvalId}': { status: 403, why: 'an approval decision without a valid signature is "not valid"' },
  'GET /v1/tenants/{tenantId}/approvals/{approvalId}/signin': { status: 403, why: 'a sign-in starts only from a validly signed approval link' },
  'GET /v1/tenants/{tenantId}/identity/callback': { status: 400, why: 'a callback without the state this browser was issued is a refused sign-in' },
  'GET /v1/tenants/{tenantId}/identity/signin': { status: 404, why: 'a tenant without an identity provider has no sign-in to start' },
  'GET /explorer': { status: 200, why: 'the landing page: the sign-in form, no investigation data' },
  'POST /explorer/{proxy+}': { status: 403, why: 'the explorer refuses a POST that does not prove it comes from its own origin, before reading it' },
};

/** What a catch-all explorer route is called with: a tenant's page to read, the sign-in form to post. */
const EXPLORER_PAGE: Record<string, string> = { GET: 'tenants/acme/investigations', POST: 'sign-in' };

/** Sources that have no public door: the HTTP route answers 404 before reading any tenant. */
const EVENTBRIDGE_ONLY = new Set<string>(['cloudwatch']);

const TENANT = 'acme';
let stack: LocalStack;
let routeKeys: string[];

beforeAll(async () => {
  const { template } = synthCauseway({ bundle: false });
  routeKeys = [...resourcesOfType(template, 'AWS::ApiGatewayV2::Route').values()].map((route) => String(route.Properties?.RouteKey));
  stack = await startLocalStack({ retryIntervalMs: 5 });
  stack.secrets.put(`causeway/tenants/${TENANT}/webhooks`, JSON.stringify({ alertmanager: { bearerToken: 'acme-alertmanager-token-0123456789' }, cloudwatch: { enabled: true } }));
  await putTenant(stack, { tenantId: TENANT, webhookSecretRef: `causeway/tenants/${TENANT}/webhooks` });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

/** The concrete paths a route key stands for: one per signal source for the intake route. */
function pathsOf(routeKey: string): { path: string; expected: number }[] {
  const [method, template] = routeKey.split(' ') as [string, string];
  const fill = (source: string) =>
    template
      .replace('{proxy+}', EXPLORER_PAGE[method] ?? '')
      .replace('{tenantId}', TENANT)
      .replace('{source}', source)
      .replace('{approvalId}', 'a0000000000000000000000000000000')
      .replace('{investigationId}', 'inv-0001');
  if (template.includes('{source}')) return SignalSource.options.map((source) => ({ path: fill(source), expected: EVENTBRIDGE_ONLY.has(source) ? 404 : 401 }));
  return [{ path: fill(''), expected: DOCUMENTED[routeKey]?.status ?? 401 }];
}

describe('every public route without a credential', () => {
  it('is refused: 401, or the documented answer, and nothing starts (a route missing locally would answer 404)', async () => {
    expect(routeKeys.length).toBeGreaterThanOrEqual(6);
    const before = stack.sfn.listExecutions().length;
    const body = JSON.stringify({ source: 'aws.cloudwatch', 'detail-type': 'CloudWatch Alarm State Change', account: '123456789012', detail: { alarmName: 'x', state: { value: 'ALARM' } } });
    const answers: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const key of routeKeys) {
      const method = key.split(' ')[0]!;
      for (const { path, expected: status } of pathsOf(key)) {
        const response = await fetch(`${stack.apiUrl}${path}`, { method, headers: method === 'GET' ? {} : { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : body });
        answers[`${method} ${path}`] = response.status;
        expected[`${method} ${path}`] = status;
      }
    }
    expect(answers).toEqual(expected);
    expect(stack.sfn.listExecutions().length).toBe(before);
  });
});

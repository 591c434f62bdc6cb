import { createHmac } from 'node:crypto';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SignalSource, TenantConfig } from '../../../functions/contracts/index.js';
import { archivedHeaders, REDACTED } from '../../../functions/ingest/archive.js';
import { ingest, type IngestDeps } from '../../../functions/ingest/core.js';
import { createTestSigner } from './sources/support/sns.js';

/*
 * Each source gets an authenticated request carrying its configured credential, plus a
 * cookie and an API key nobody asked for; the body fails normalization, so the request is
 * archived (422) and nothing else happens. No credential value may appear anywhere in the
 * archived item.
 */

const db = mockClient(DynamoDBDocumentClient);
afterAll(() => db.restore());
beforeEach(() => {
  db.reset();
  db.resolves({});
});

/** Now, because the test signer's certificate is valid from the moment it is made. */
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000 + 2000);
const TOPIC = 'arn:aws:sns:eu-west-1:210987654321:causeway-alarms';
const hmac = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('hex');
const signer = createTestSigner();

/** Values that must never be stored, whatever the source. */
const UNASKED = { cookie: 'session=cookie-secret-0123456789', 'x-api-key': 'api-key-secret-0123456789' };

interface Case {
  credentials: Record<string, unknown>;
  headers: (body: string) => Record<string, string>;
  body?: string;
  /** Every credential-bearing value that was on the wire. */
  secrets: (body: string) => string[];
}

const BODY = '{"nothing":"to normalize"}';
const ts = String(Math.floor(NOW.getTime() / 1000));

const CASES: Record<Exclude<SignalSource, 'cloudwatch'>, Case> = {
  alertmanager: {
    credentials: { alertmanager: { bearerToken: 'am-bearer-secret-0123456789' } },
    headers: () => ({ authorization: 'Bearer am-bearer-secret-0123456789' }),
    secrets: () => ['am-bearer-secret-0123456789'],
  },
  pagerduty: {
    credentials: { pagerduty: { signingSecrets: ['pd-signing-secret-0123456789'] } },
    headers: (body) => ({ 'x-pagerduty-signature': `v1=${hmac('pd-signing-secret-0123456789', body)}`, 'x-webhook-id': 'PWHK1' }),
    secrets: (body) => [hmac('pd-signing-secret-0123456789', body)],
  },
  grafana: {
    credentials: { grafana: { bearerToken: 'grafana-bearer-secret-0123', hmacSecret: 'grafana-hmac-secret-0123456', hmacTimestampHeader: 'X-Grafana-Alerting-Timestamp' } },
    headers: (body) => ({ authorization: 'Bearer grafana-bearer-secret-0123', 'x-grafana-alerting-signature': hmac('grafana-hmac-secret-0123456', `${ts}:${body}`), 'x-grafana-alerting-timestamp': ts }),
    secrets: (body) => ['grafana-bearer-secret-0123', hmac('grafana-hmac-secret-0123456', `${ts}:${body}`)],
  },
  datadog: {
    credentials: { datadog: { headerName: 'Webhook-Auth', token: 'datadog-webhook-auth-0123456' } },
    headers: () => ({ 'webhook-auth': 'datadog-webhook-auth-0123456', 'user-agent': 'Datadog/Webhooks' }),
    secrets: () => ['datadog-webhook-auth-0123456'],
  },
  opsgenie: {
    // A tenant may name any header; one that is allowlisted for its usual meaning is still a credential here.
    credentials: { opsgenie: { headerName: 'X-Request-Id', token: 'opsgenie-token-in-request-id' } },
    headers: () => ({ 'x-request-id': 'opsgenie-token-in-request-id' }),
    secrets: () => ['opsgenie-token-in-request-id'],
  },
  generic: {
    credentials: { generic: { hmacSecret: 'generic-hmac-secret-0123456' } },
    headers: (body) => ({ 'x-causeway-timestamp': ts, 'x-causeway-signature': `v1=${hmac('generic-hmac-secret-0123456', `${ts}.${body}`)}` }),
    secrets: (body) => [hmac('generic-hmac-secret-0123456', `${ts}.${body}`)],
  },
  'cloudwatch-sns': {
    credentials: { 'cloudwatch-sns': { topicArns: [TOPIC] } },
    body: JSON.stringify(
      signer.sign(
        { Type: 'Notification', MessageId: 'm-1', TopicArn: TOPIC, Message: 'not an alarm', Timestamp: new Date(NOW.getTime() - 1000).toISOString(), SigningCertURL: 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc.pem' },
        '2',
      ),
    ),
    headers: () => ({ authorization: 'Bearer sent-anyway-secret-0123456', 'x-amz-sns-message-type': 'Notification', 'x-amz-sns-topic-arn': TOPIC }),
    secrets: () => ['sent-anyway-secret-0123456'],
  },
};

function depsFor(source: string, credentials: Record<string, unknown>): IngestDeps {
  const tenant = TenantConfig.parse({ tenantId: 'acme', webhookSecretRef: 'causeway/tenants/acme/webhooks', enabledSources: [source] });
  return {
    tableName: 'causeway',
    loadTenant: async (id) => (id === 'acme' ? tenant : undefined),
    readSecret: async (tenantId, ref) => (tenantId === 'acme' && ref === 'causeway/tenants/acme/webhooks' ? credentials : undefined),
    startExecution: async () => {
      throw new Error('nothing may start');
    },
    confirmSubscription: async () => {
      throw new Error('no subscription expected');
    },
    verify: { now: () => NOW, fetchCertificate: async () => signer.certPem },
  };
}

function archivedItems(): Record<string, unknown>[] {
  return db.commandCalls(PutCommand).map((call) => call.args[0].input.Item!).filter((item) => String(item.pk).includes('#ARCHIVE#'));
}

describe('the request archive', () => {
  it.each(Object.keys(CASES) as (keyof typeof CASES)[])('keeps a %s request without any credential it carried', async (source) => {
    const c = CASES[source];
    const body = c.body ?? BODY;
    const headers = { 'content-type': 'application/json', ...UNASKED, ...c.headers(body) };
    const response = await ingest({ tenantId: 'acme', source, door: 'http', requestId: `r-${source}`, headers, rawBody: body, receivedAt: NOW }, depsFor(source, c.credentials));
    expect(response, response.logReason).toMatchObject({ status: 422 });
    const [item, ...more] = archivedItems();
    expect(more).toHaveLength(0);
    const stored = JSON.stringify(item);
    for (const secret of [...c.secrets(body), ...Object.values(UNASKED)]) expect(stored).not.toContain(secret);
    const kept = item!.headers as Record<string, string>;
    expect(Object.keys(kept).sort()).toEqual(Object.keys(headers).sort());
    expect(kept['content-type']).toBe('application/json');
    expect(kept.cookie).toBe(REDACTED);
    expect(kept['x-api-key']).toBe(REDACTED);
    expect(item!.rawBody).toBe(body);
  });

  it('keeps the allowlisted values and redacts every other header and every configured credential header', () => {
    const headers = { 'user-agent': 'Grafana', 'x-webhook-id': 'PWHK1', 'x-amz-sns-message-id': 'm-1', 'x-causeway-timestamp': '1', 'x-custom-token': 't', authorization: 'Basic abc', 'x-request-id': 'r' };
    expect(archivedHeaders(headers, ['x-request-id'])).toEqual({
      'user-agent': 'Grafana',
      'x-webhook-id': 'PWHK1',
      'x-amz-sns-message-id': 'm-1',
      'x-causeway-timestamp': '1',
      'x-custom-token': REDACTED,
      authorization: REDACTED,
      'x-request-id': REDACTED,
    });
  });

  it('keeps nothing of a request that did not authenticate', async () => {
    const c = CASES.datadog;
    const response = await ingest({ tenantId: 'acme', source: 'datadog', door: 'http', requestId: 'r-x', headers: { 'webhook-auth': 'wrong-but-still-a-secret-0123' }, rawBody: BODY, receivedAt: NOW }, depsFor('datadog', c.credentials));
    expect(response.status).toBe(401);
    expect(db.commandCalls(PutCommand)).toHaveLength(0);
  });
});

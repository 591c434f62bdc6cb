import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudWatchSnsAdapter } from '../../../../functions/ingest/sources/cloudwatch-sns/index.js';
import type { WebhookCredentials } from '../../../../functions/ingest/sources/credentials.js';
import { context, deps, FIXTURES, fixture, rejection, request } from './support/fixtures.js';

const credentials: WebhookCredentials = { 'cloudwatch-sns': { topicArns: ['arn:aws:sns:eu-west-1:210987654321:causeway-alarms'] } };
const certPem = readFileSync(join(FIXTURES, 'cloudwatch-sns/signed/cert.pem'), 'utf8');
const now = new Date('2027-01-15T10:00:05.000Z');

/** The event an SNS → Lambda subscription receives, as AWS documents it: one record, `SigningCertUrl` and `UnsubscribeUrl` spelled so. */
function lambdaEvent(envelope: Record<string, unknown>): Record<string, unknown> {
  const { SigningCertURL, UnsubscribeURL, ...rest } = envelope;
  return {
    Records: [
      {
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:eu-west-1:210987654321:causeway-alarms:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55',
        EventSource: 'aws:sns',
        Sns: { ...rest, SigningCertUrl: SigningCertURL, UnsubscribeUrl: UnsubscribeURL, MessageAttributes: {} },
      },
    ],
  };
}

describe('cloudwatch-sns: the event of an SNS → Lambda subscription, posted on as it came', () => {
  const envelope = fixture('cloudwatch-sns', 'signed/envelope-v2.json').body as Record<string, unknown>;

  it('verifies the signature inside the record', async () => {
    await expect(cloudWatchSnsAdapter.verify(request(JSON.stringify(lambdaEvent(envelope))), credentials, deps(now, async () => certPem))).resolves.toBeUndefined();
  });

  it('rejects the record once its message is changed', async () => {
    const tampered = lambdaEvent({ ...envelope, Message: String(envelope['Message']).replace('payments-db-1', 'payments-db-2') });
    expect(await rejection(cloudWatchSnsAdapter.verify(request(JSON.stringify(tampered)), credentials, deps(now, async () => certPem)))).toMatch(/signature does not verify/);
  });

  it('normalizes the alarm inside the record like the HTTPS envelope', () => {
    const fromEnvelope = cloudWatchSnsAdapter.normalize(envelope, context());
    const fromEvent = cloudWatchSnsAdapter.normalize(lambdaEvent(envelope), context());
    expect(fromEvent).toEqual(fromEnvelope);
    expect(fromEvent[0]).toMatchObject({ status: 'firing', title: expect.stringContaining('payments-db-cpu-high') });
  });

  it('refuses an event with more than one record, which SNS never sends', async () => {
    const two = lambdaEvent(envelope);
    (two['Records'] as unknown[]).push((two['Records'] as unknown[])[0]);
    expect(await rejection(cloudWatchSnsAdapter.verify(request(JSON.stringify(two)), credentials, deps(now, async () => certPem)))).toMatch(/not a signed SNS message/);
  });
});

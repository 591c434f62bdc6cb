import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { TransientError } from '../../../../functions/shared/errors.js';
import { cloudWatchSnsAdapter } from '../../../../functions/ingest/sources/cloudwatch-sns/index.js';
import type { WebhookCredentials } from '../../../../functions/ingest/sources/credentials.js';
import { deps, FIXTURES, fixture, rejection, request } from './support/fixtures.js';
import { createTestSigner, type TestSigner } from './support/sns.js';

const TOPIC = 'arn:aws:sns:eu-west-1:210987654321:causeway-alarms';
const CERT_URL = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem';
const credentials: WebhookCredentials = { 'cloudwatch-sns': { topicArns: [TOPIC] } };

describe('cloudwatch-sns verify: hard-coded vectors signed with the openssl CLI', () => {
  const certPem = readFileSync(join(FIXTURES, 'cloudwatch-sns/signed/cert.pem'), 'utf8');
  const now = new Date('2027-01-15T10:00:05.000Z');

  it.each(['envelope-v1.json', 'envelope-v2.json', 'subscription-confirmation-v1.json'])('accepts %s', async (name) => {
    const { raw } = fixture('cloudwatch-sns', `signed/${name}`);
    const fetchCertificate = vi.fn(async () => certPem);

    await cloudWatchSnsAdapter.verify(request(raw), credentials, deps(now, fetchCertificate));

    expect(fetchCertificate).toHaveBeenCalledWith('https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-causeway-test-vector.pem');
  });

  it('rejects the v2 vector once one byte of the alarm changes', async () => {
    const { raw } = fixture('cloudwatch-sns', 'signed/envelope-v2.json');
    const tampered = raw.replace('payments-db-1', 'payments-db-2');

    const reason = await rejection(cloudWatchSnsAdapter.verify(request(tampered), credentials, deps(now, async () => certPem)));

    expect(reason).toMatch(/signature does not verify/);
  });
});

describe('cloudwatch-sns verify: messages signed at test time', () => {
  let signer: TestSigner;
  let other: TestSigner;
  const now = new Date(Date.now() + 1000);
  const certs = () => deps(now, async () => signer.certPem);
  const base = (name = 'notification-alarm.json'): Record<string, unknown> => ({
    ...(fixture('cloudwatch-sns', name).body as Record<string, unknown>),
    Timestamp: now.toISOString(),
    SigningCertURL: CERT_URL,
  });

  beforeAll(() => {
    signer = createTestSigner();
    other = createTestSigner();
  });

  it.each(['1', '2'] as const)('accepts SignatureVersion %s', async (version) => {
    const raw = JSON.stringify(signer.sign(base(), version));
    await expect(cloudWatchSnsAdapter.verify(request(raw), credentials, certs())).resolves.toBeUndefined();
  });

  it('accepts a notification without a Subject (it is then not part of the signed string)', async () => {
    const envelope = base('notification-eventbridge.json');
    expect(envelope['Subject']).toBeUndefined();
    await expect(cloudWatchSnsAdapter.verify(request(JSON.stringify(signer.sign(envelope, '2'))), credentials, certs())).resolves.toBeUndefined();
  });

  it('accepts the Lambda-subscription record shape (SigningCertUrl, Subject null)', async () => {
    const { Subject: _subject, ...unsubjected } = base();
    const { SigningCertURL, ...rest } = signer.sign(unsubjected, '2');
    const raw = JSON.stringify({ ...rest, SigningCertUrl: SigningCertURL, Subject: null });
    await expect(cloudWatchSnsAdapter.verify(request(raw), credentials, certs())).resolves.toBeUndefined();
  });

  it('accepts a signed subscription confirmation (SubscribeURL and Token are signed)', async () => {
    const raw = JSON.stringify(signer.sign(base('subscription-confirmation.json'), '1'));
    await expect(cloudWatchSnsAdapter.verify(request(raw), credentials, certs())).resolves.toBeUndefined();
  });

  it('rejects a confirmation whose SubscribeURL was swapped after signing', async () => {
    const signed = signer.sign(base('subscription-confirmation.json'), '2');
    const raw = JSON.stringify({ ...signed, SubscribeURL: 'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=other' });
    expect(await rejection(cloudWatchSnsAdapter.verify(request(raw), credentials, certs()))).toMatch(/signature/);
  });

  it('rejects an altered message', async () => {
    const signed = signer.sign(base(), '2');
    const raw = JSON.stringify({ ...signed, Message: String(signed['Message']).replace('ALARM', 'OK') });
    expect(await rejection(cloudWatchSnsAdapter.verify(request(raw), credentials, certs()))).toMatch(/signature/);
  });

  it('rejects a signature made with another key', async () => {
    const raw = JSON.stringify(other.sign(base(), '2'));
    expect(await rejection(cloudWatchSnsAdapter.verify(request(raw), credentials, certs()))).toMatch(/signature/);
  });

  it('rejects a v1 signature presented as v2', async () => {
    const raw = JSON.stringify({ ...signer.sign(base(), '1'), SignatureVersion: '2' });
    expect(await rejection(cloudWatchSnsAdapter.verify(request(raw), credentials, certs()))).toMatch(/signature/);
  });

  it('rejects a topic the tenant did not allow, without fetching anything', async () => {
    const fetchCertificate = vi.fn(async () => signer.certPem);
    const raw = JSON.stringify(signer.sign({ ...base(), TopicArn: 'arn:aws:sns:eu-west-1:210987654321:someone-else' }, '2'));

    expect(await rejection(cloudWatchSnsAdapter.verify(request(raw), credentials, deps(now, fetchCertificate)))).toMatch(/topic/);
    expect(fetchCertificate).not.toHaveBeenCalled();
  });

  it('refuses a subscription confirmation for a topic not yet registered, saying to register it before subscribing', async () => {
    const fetchCertificate = vi.fn(async () => signer.certPem);
    const raw = JSON.stringify(signer.sign({ ...base('subscription-confirmation.json'), TopicArn: 'arn:aws:sns:eu-west-1:210987654321:new-topic' }, '2'));

    const reason = await rejection(cloudWatchSnsAdapter.verify(request(raw), credentials, deps(now, fetchCertificate)));
    expect(reason).toContain('arn:aws:sns:eu-west-1:210987654321:new-topic');
    expect(reason).toContain('before subscribing, then request confirmation again');
    expect(await rejection(cloudWatchSnsAdapter.verify(request(raw), {}, deps(now, fetchCertificate)))).toMatch(/no cloudwatch-sns credentials are configured: register the tenant with this topic/);
    expect(fetchCertificate).not.toHaveBeenCalled();
  });

  it.each([
    ['http scheme', 'http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem'],
    ['foreign host', 'https://evil.example.com/SimpleNotificationService-test.pem'],
    ['lookalike suffix', 'https://sns.eu-west-1.amazonaws.com.evil.example/cert.pem'],
    ['lookalike prefix', 'https://notsns.eu-west-1.amazonaws.com/cert.pem'],
    ['userinfo trick', 'https://sns.eu-west-1.amazonaws.com@evil.example/cert.pem'],
    ['explicit port', 'https://sns.eu-west-1.amazonaws.com:8443/cert.pem'],
    ['not a pem', 'https://sns.eu-west-1.amazonaws.com/?Action=GetCertificate'],
    ['not a url', 'sns.eu-west-1.amazonaws.com/cert.pem'],
  ])('rejects a certificate URL with a %s before fetching', async (_, url) => {
    const fetchCertificate = vi.fn(async () => signer.certPem);
    const raw = JSON.stringify(signer.sign({ ...base(), SigningCertURL: url }, '2'));

    expect(await rejection(cloudWatchSnsAdapter.verify(request(raw), credentials, deps(now, fetchCertificate)))).toMatch(/certificate URL/);
    expect(fetchCertificate).not.toHaveBeenCalled();
  });

  it('accepts the China partition host', async () => {
    const raw = JSON.stringify(signer.sign({ ...base(), SigningCertURL: 'https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-x.pem' }, '2'));
    await expect(cloudWatchSnsAdapter.verify(request(raw), credentials, certs())).resolves.toBeUndefined();
  });

  it.each([
    ['older than the SNS retry window', -3 * 3600 * 1000],
    ['stamped in the future', 15 * 60 * 1000],
  ])('rejects a message %s', async (_, offsetMs) => {
    const raw = JSON.stringify(signer.sign({ ...base(), Timestamp: new Date(now.getTime() + offsetMs).toISOString() }, '2'));
    expect(await rejection(cloudWatchSnsAdapter.verify(request(raw), credentials, certs()))).toMatch(/timestamp/);
  });

  it('rejects a certificate that has expired', async () => {
    const later = new Date(now.getTime() + 5 * 24 * 3600 * 1000);
    const raw = JSON.stringify(signer.sign({ ...base(), Timestamp: later.toISOString() }, '2'));
    expect(await rejection(cloudWatchSnsAdapter.verify(request(raw), credentials, deps(later, async () => signer.certPem)))).toMatch(/not valid now/);
  });

  it('rejects a certificate URL that serves something else', async () => {
    const raw = JSON.stringify(signer.sign(base(), '2'));
    expect(await rejection(cloudWatchSnsAdapter.verify(request(raw), credentials, deps(now, async () => '<html>hi</html>')))).toMatch(/not a certificate/);
  });

  it('passes a transient certificate fetch failure through, so SNS retries', async () => {
    const raw = JSON.stringify(signer.sign(base(), '2'));
    const failing = deps(now, async () => {
      throw new TransientError('timeout');
    });
    await expect(cloudWatchSnsAdapter.verify(request(raw), credentials, failing)).rejects.toBeInstanceOf(TransientError);
  });

  it('rejects when the certificate cannot be fetched for good', async () => {
    const raw = JSON.stringify(signer.sign(base(), '2'));
    const missing = deps(now, async () => {
      throw new Error('404');
    });
    expect(await rejection(cloudWatchSnsAdapter.verify(request(raw), credentials, missing))).toMatch(/unavailable/);
  });

  it.each([
    ['a tenant without SNS topics', {}],
    ['an empty body', { 'cloudwatch-sns': { topicArns: [TOPIC] } }],
  ])('rejects %s', async (label, creds) => {
    const raw = label === 'an empty body' ? '' : JSON.stringify(signer.sign(base(), '2'));
    await rejection(cloudWatchSnsAdapter.verify(request(raw), creds as WebhookCredentials, certs()));
  });

  it('rejects an unsigned raw-delivery message', async () => {
    const raw = String(base()['Message']);
    expect(await rejection(cloudWatchSnsAdapter.verify(request(raw), credentials, certs()))).toMatch(/not a signed SNS message/);
  });
});

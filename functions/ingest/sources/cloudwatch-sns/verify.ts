import { verify as verifySignature, X509Certificate } from 'node:crypto';
import { CausewayError, TransientError } from '../../../shared/errors.js';
import type { WebhookCredentials } from '../credentials.js';
import type { InboundRequest, VerifyDeps } from '../types.js';
import { deny, requireEntry } from '../shared/auth.js';
import { SnsEnvelope, snsMessageOf } from './schema.js';
import { isSigningCertUrl } from './urls.js';

/*
 * SNS message signatures, per the AWS guide "Verifying the signatures of Amazon SNS messages":
 * SignatureVersion 1 is SHA1withRSA, 2 is SHA256withRSA, over `Key\nValue\n` pairs of a fixed
 * key list in byte order. Notifications sign Message, MessageId, Subject (only if present),
 * Timestamp, TopicArn, Type; confirmations sign Message, MessageId, SubscribeURL, Timestamp,
 * Token, TopicArn, Type.
 */

const NOTIFICATION_KEYS = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const;
const CONFIRMATION_KEYS = ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'] as const;

/**
 * SNS stops retrying an HTTP delivery after at most 3,600 s; a signed message older than that
 * (plus clock skew) can only be a replay. Future stamps get the skew allowance alone.
 */
const MAX_AGE_SECONDS = 3600 + 300;
const MAX_SKEW_SECONDS = 300;

/** The exact bytes SNS signed. */
export function snsStringToSign(envelope: SnsEnvelope): string {
  const keys = envelope.Type === 'Notification' ? NOTIFICATION_KEYS : CONFIRMATION_KEYS;
  let out = '';
  for (const key of keys) {
    const value = envelope[key];
    if (value !== undefined && value !== null) out += `${key}\n${value}\n`;
  }
  return out;
}

function parseEnvelope(rawBody: string): SnsEnvelope {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw deny('SNS body is not JSON');
  }
  const result = SnsEnvelope.safeParse(snsMessageOf(json));
  if (!result.success) throw deny('not a signed SNS message');
  return result.data;
}

async function certificate(url: string, deps: VerifyDeps, now: Date): Promise<X509Certificate> {
  let pem: string;
  try {
    pem = await deps.fetchCertificate(url);
  } catch (error) {
    if (error instanceof TransientError) throw error;
    throw deny(`signing certificate unavailable: ${error instanceof CausewayError ? error.name : 'fetch failed'}`);
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    throw deny('signing certificate is not a certificate');
  }
  if (now.getTime() < Date.parse(cert.validFrom) || now.getTime() > Date.parse(cert.validTo)) {
    throw deny('signing certificate is not valid now');
  }
  return cert;
}

/**
 * Why a subscription confirmation was refused, for the log an operator reads: SNS sends the
 * confirmation as soon as the subscription is created, so the tenant and its topic must be
 * registered first; a refused one is asked for again from SNS ("Request confirmation").
 */
const SUBSCRIBE_AFTER_REGISTERING = "register the tenant with this topic in its webhook secret's cloudwatch-sns.topicArns before subscribing, then request confirmation again";

/**
 * Checks, in order and before any network call it can avoid: the tenant allows the topic, the
 * certificate URL is an SNS https host, the message is inside SNS's delivery window; then
 * fetches the certificate and verifies the signature.
 */
export async function verifySnsMessage(request: InboundRequest, credentials: WebhookCredentials, deps: VerifyDeps): Promise<void> {
  const envelope = parseEnvelope(request.rawBody);
  const confirming = envelope.Type === 'SubscriptionConfirmation';
  if (confirming && !credentials['cloudwatch-sns']) throw deny(`subscription confirmation for ${envelope.TopicArn}, but no cloudwatch-sns credentials are configured: ${SUBSCRIBE_AFTER_REGISTERING}`);
  const entry = requireEntry(credentials, 'cloudwatch-sns');
  if (!entry.topicArns.includes(envelope.TopicArn)) throw deny(confirming ? `subscription confirmation for ${envelope.TopicArn}, a topic the tenant does not allow: ${SUBSCRIBE_AFTER_REGISTERING}` : 'topic is not allowed');
  const certUrl = envelope.SigningCertURL ?? envelope.SigningCertUrl;
  if (!certUrl || !isSigningCertUrl(certUrl)) throw deny('signing certificate URL is not an SNS https URL');

  const now = deps.now();
  const age = (now.getTime() - Date.parse(envelope.Timestamp)) / 1000;
  if (!Number.isFinite(age) || age > MAX_AGE_SECONDS || age < -MAX_SKEW_SECONDS) throw deny('message timestamp outside the delivery window');

  const cert = await certificate(certUrl, deps, now);
  const algorithm = envelope.SignatureVersion === '1' ? 'sha1' : 'sha256';
  let valid = false;
  try {
    valid = verifySignature(algorithm, Buffer.from(snsStringToSign(envelope), 'utf8'), cert.publicKey, Buffer.from(envelope.Signature, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) throw deny('SNS signature does not verify');
}

import { execFileSync } from 'node:child_process';
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * A throwaway RSA key and self-signed certificate standing in for SNS's signing certificate.
 * Node cannot mint X.509 certificates, so openssl does (it is on every CI image we use).
 */

export interface TestSigner {
  certPem: string;
  sign(envelope: Record<string, unknown>, version: '1' | '2'): Record<string, unknown>;
}

/** The canonical string, written here independently of the code under test. */
export function canonical(envelope: Record<string, unknown>): string {
  const keys =
    envelope['Type'] === 'Notification'
      ? ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type']
      : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
  return keys
    .filter((key) => envelope[key] !== undefined && envelope[key] !== null)
    .map((key) => `${key}\n${String(envelope[key])}\n`)
    .join('');
}

export function createTestSigner(days = 2): TestSigner {
  const dir = mkdtempSync(join(tmpdir(), 'causeway-sns-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', String(days),
      '-subj', '/CN=sns.amazonaws.com', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    const key: KeyObject = createPrivateKey(readFileSync(join(dir, 'key.pem')));
    const certPem = readFileSync(join(dir, 'cert.pem'), 'utf8');
    return {
      certPem,
      sign(envelope, version) {
        const signed = { ...envelope, SignatureVersion: version };
        const signature = sign(version === '1' ? 'sha1' : 'sha256', Buffer.from(canonical(signed), 'utf8'), key);
        return { ...signed, Signature: signature.toString('base64') };
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

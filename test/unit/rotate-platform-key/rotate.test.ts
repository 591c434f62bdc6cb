import { DescribeSecretCommand, GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient, UpdateSecretVersionStageCommand } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/rotate-platform-key/handler.js';
import { checkPending, keyIdAt, RETAIN_AFTER_SUPERSEDED_SECONDS, rotatedSecret } from '../../../functions/rotate-platform-key/rotate.js';
import { approvalUrl, parseLink, verifyLink } from '../../../functions/shared/approval-links.js';
import { decryptToken, encryptToken, platformKeysFromSecret, type PlatformKeys } from '../../../functions/shared/platform-keys.js';

const LEGACY = { key: 'the-platform-key-cdk-generated-at-first-deploy-64-chars-long-xx' };
const DAY = 24 * 3600 * 1000;
const T0 = new Date('2027-01-01T00:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const ring = (value: unknown) => platformKeysFromSecret(value)!;

/** A link and a sealed task token issued under one key ring, checked under another. */
function issuedUnder(keys: PlatformKeys) {
  const link = { tenantId: 'acme', approvalId: 'appr-00000001', decision: 'approve' as const, expires: Math.floor(at(7).getTime() / 1000) };
  const url = new URL(approvalUrl('https://api.example.com', keys, link));
  const signed = parseLink('acme', 'appr-00000001', Object.fromEntries(url.searchParams))!;
  const sealed = encryptToken(keys, 'the-task-token', 'acme/appr-00000001');
  return { verifiesUnder: (other: PlatformKeys) => verifyLink(other, signed) && decryptToken(other, sealed, 'acme/appr-00000001') === 'the-task-token' };
}
const stillVerifies = (issued: ReturnType<typeof issuedUnder>, keys: PlatformKeys) => {
  try {
    return issued.verifiesUnder(keys);
  } catch {
    return false;
  }
};

describe('rotating the platform key', () => {
  it('migrates an old single-key secret: the old key stays as k0, a new one signs from now', () => {
    const next = rotatedSecret(LEGACY, T0, 'a-new-key-of-at-least-thirty-two-characters');
    expect(next).toEqual({ current: keyIdAt(T0), keys: { k0: { key: LEGACY.key }, [keyIdAt(T0)]: { key: 'a-new-key-of-at-least-thirty-two-characters', createdAt: T0.toISOString() } } });
    expect(keyIdAt(T0)).toBe('k20270101t000000');
  });

  it('links and sealed tokens issued before a rotation verify after it, until everything issued under the old key has expired', () => {
    const issuedBefore = issuedUnder(ring(LEGACY));
    const first = rotatedSecret(LEGACY, T0);
    expect(stillVerifies(issuedBefore, ring(first))).toBe(true);
    const issuedBetween = issuedUnder(ring(first));
    const soon = rotatedSecret(first, at(3));
    expect(Object.keys(soon.keys)).toHaveLength(3);
    expect(stillVerifies(issuedBefore, ring(soon))).toBe(true);
    expect(stillVerifies(issuedBetween, ring(soon))).toBe(true);
    const monthLater = rotatedSecret(soon, at(30));
    expect(Object.keys(monthLater.keys)).toEqual([keyIdAt(at(3)), keyIdAt(at(30))]);
    expect(stillVerifies(issuedBefore, ring(monthLater))).toBe(false);
    expect(stillVerifies(issuedBetween, ring(monthLater))).toBe(false);
  });

  it('keeps the key its successor replaced until the retention has passed, to the second', () => {
    const first = rotatedSecret(LEGACY, T0);
    const justBefore = new Date(T0.getTime() + RETAIN_AFTER_SUPERSEDED_SECONDS * 1000 - 1000);
    expect(Object.keys(rotatedSecret(first, justBefore).keys)).toContain('k0');
    expect(Object.keys(rotatedSecret(first, new Date(T0.getTime() + RETAIN_AFTER_SUPERSEDED_SECONDS * 1000)).keys)).not.toContain('k0');
  });

  it('testSecret refuses a pending version that would drop the key signing now, or has no new key', () => {
    const first = rotatedSecret(LEGACY, T0);
    expect(() => checkPending(LEGACY, first)).not.toThrow();
    expect(() => checkPending(first, { current: first.current, keys: first.keys })).toThrow('no new current key');
    const dropped = { current: 'k2', keys: { k2: { key: 'x'.repeat(40) } } };
    expect(() => checkPending(first, dropped)).toThrow(`drops the key that signs now (${first.current})`);
    expect(() => checkPending(first, { key: 'x' })).toThrow('does not parse');
  });
});

describe('the rotation Lambda speaks Secrets Manager’s four steps', () => {
  const sm = mockClient(SecretsManagerClient);
  const SECRET = 'causeway/platform';
  const TOKEN = 'a3f0c6c8-2d44-4c6b-9a57-1c0b1e8f0a01';
  const event = (Step: string) => ({ SecretId: SECRET, ClientRequestToken: TOKEN, Step });
  beforeEach(() => {
    sm.reset();
    sm.on(DescribeSecretCommand).resolves({ RotationEnabled: true, VersionIdsToStages: { 'v-old': ['AWSCURRENT'], [TOKEN]: ['AWSPENDING'] } });
    sm.on(GetSecretValueCommand, { SecretId: SECRET, VersionStage: 'AWSCURRENT' }).resolves({ SecretString: JSON.stringify(LEGACY) });
  });
  afterAll(() => sm.restore());

  it('createSecret puts the rotated value as AWSPENDING under the request token, once', async () => {
    sm.on(GetSecretValueCommand, { SecretId: SECRET, VersionStage: 'AWSPENDING', VersionId: TOKEN }).rejects(Object.assign(new Error('none'), { name: 'ResourceNotFoundException' }));
    await handler(event('createSecret'));
    const put = sm.commandCalls(PutSecretValueCommand)[0]!.args[0].input;
    expect(put).toMatchObject({ SecretId: SECRET, ClientRequestToken: TOKEN, VersionStages: ['AWSPENDING'] });
    const value = JSON.parse(put.SecretString!);
    expect(value.keys.k0).toEqual({ key: LEGACY.key });
    expect(value.current).toMatch(/^k\d{8}t\d{6}$/);

    sm.on(GetSecretValueCommand, { SecretId: SECRET, VersionStage: 'AWSPENDING', VersionId: TOKEN }).resolves({ SecretString: put.SecretString });
    await handler(event('createSecret'));
    expect(sm.commandCalls(PutSecretValueCommand)).toHaveLength(1);
  });

  it('testSecret checks the pending value; setSecret has no one to tell', async () => {
    sm.on(GetSecretValueCommand, { SecretId: SECRET, VersionStage: 'AWSPENDING', VersionId: TOKEN }).resolves({ SecretString: JSON.stringify(rotatedSecret(LEGACY, T0)) });
    await expect(handler(event('testSecret'))).resolves.toBeUndefined();
    await expect(handler(event('setSecret'))).resolves.toBeUndefined();
    sm.on(GetSecretValueCommand, { SecretId: SECRET, VersionStage: 'AWSPENDING', VersionId: TOKEN }).resolves({ SecretString: JSON.stringify({ current: 'k9', keys: { k9: { key: 'y'.repeat(40) } } }) });
    await expect(handler(event('testSecret'))).rejects.toThrow('drops the key that signs now (k0)');
  });

  it('finishSecret moves AWSCURRENT to the new version, and a finished version is left alone', async () => {
    await handler(event('finishSecret'));
    expect(sm.commandCalls(UpdateSecretVersionStageCommand)[0]!.args[0].input).toEqual({ SecretId: SECRET, VersionStage: 'AWSCURRENT', MoveToVersionId: TOKEN, RemoveFromVersionId: 'v-old' });
    sm.on(DescribeSecretCommand).resolves({ RotationEnabled: true, VersionIdsToStages: { 'v-old': ['AWSPREVIOUS'], [TOKEN]: ['AWSCURRENT', 'AWSPENDING'] } });
    await handler(event('finishSecret'));
    expect(sm.commandCalls(UpdateSecretVersionStageCommand)).toHaveLength(1);
  });

  it('refuses a secret without rotation, an unknown version, a version not pending, and a bad event', async () => {
    sm.on(DescribeSecretCommand).resolves({ RotationEnabled: false, VersionIdsToStages: {} });
    await expect(handler(event('createSecret'))).rejects.toThrow('rotation is not enabled');
    sm.on(DescribeSecretCommand).resolves({ RotationEnabled: true, VersionIdsToStages: { 'v-old': ['AWSCURRENT'] } });
    await expect(handler(event('createSecret'))).rejects.toThrow('does not exist');
    sm.on(DescribeSecretCommand).resolves({ RotationEnabled: true, VersionIdsToStages: { [TOKEN]: ['AWSPREVIOUS'] } });
    await expect(handler(event('createSecret'))).rejects.toThrow('is not pending rotation');
    await expect(handler({ SecretId: SECRET, Step: 'rotate' })).rejects.toThrow();
  });
});

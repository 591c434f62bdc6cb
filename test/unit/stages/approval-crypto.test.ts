import { describe, expect, it } from 'vitest';
import { approvalUrl, csrfToken, parseLink, signLink, verifyLink, type SignedLink } from '../../../functions/shared/approval-links.js';
import { decryptToken, derivePlatformKeys, encryptToken, keyRing, platformKeysFromSecret } from '../../../functions/shared/platform-keys.js';
import { TenantConfig } from '../../../functions/contracts/index.js';

const keys = derivePlatformKeys('a-platform-key-of-at-least-thirty-two-chars');
const link = { tenantId: 'acme', approvalId: 'abc123', decision: 'approve' as const, expires: 1_900_000_000 };
const signed = (ring = keys, l = link): SignedLink => ({ link: l, kid: ring.kid, signature: signLink(ring, l) });
const fromUrl = (url: string) => {
  const parsed = new URL(url);
  const [, , , tenantId, , approvalId] = parsed.pathname.split('/');
  return parseLink(tenantId!, approvalId!, Object.fromEntries(parsed.searchParams))!;
};

describe('approval links and sealed tokens', () => {
  it('binds tenant, approval, decision and expiry into the signature', () => {
    expect(verifyLink(keys, signed())).toBe(true);
    for (const altered of [{ tenantId: 'other' }, { approvalId: 'abc124' }, { decision: 'reject' as const }, { expires: link.expires + 1 }]) {
      expect(verifyLink(keys, { ...signed(), link: { ...link, ...altered } })).toBe(false);
    }
    expect(verifyLink(derivePlatformKeys('another-platform-key-of-32-chars-or-more'), signed())).toBe(false);
    expect(csrfToken(keys, link, 'session-1')).not.toBe(signed().signature);
    expect(csrfToken(keys, link, 'session-1')).not.toBe(csrfToken(keys, link, 'session-2'));
  });

  it('puts no token in the URL, only ids, decision, expiry, key id and signature', () => {
    const legacy = new URL(approvalUrl('https://api.example.com', keys, link));
    expect(legacy.pathname).toBe('/v1/tenants/acme/approvals/abc123');
    expect([...legacy.searchParams.keys()].sort()).toEqual(['decision', 'exp', 'sig']);
    const ring = keyRing({ k0: 'a-platform-key-of-at-least-thirty-two-chars', k20261206: 'the-next-platform-key-of-32-chars-at-least' }, 'k20261206');
    expect([...new URL(approvalUrl('https://api.example.com', ring, link)).searchParams.keys()].sort()).toEqual(['decision', 'exp', 'kid', 'sig']);
  });

  it('seals the task token so only the same approval can open it', () => {
    const sealed = encryptToken(keys, 'AQCEAAAAKgAAAAMAAAAAAAAAA-real-token', 'acme/abc123');
    expect(sealed).not.toContain('real-token');
    expect(decryptToken(keys, sealed, 'acme/abc123')).toBe('AQCEAAAAKgAAAAMAAAAAAAAAA-real-token');
    expect(() => decryptToken(keys, sealed, 'other/abc123')).toThrow();
    const [iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptToken(keys, [iv, tag, flipped.toString('base64url')].join('.'), 'acme/abc123')).toThrow();
  });

  it('refuses the platform key as a tenant secret reference', () => {
    expect(TenantConfig.safeParse({ tenantId: 'acme', webhookSecretRef: 'causeway/platform' }).success).toBe(false);
    expect(TenantConfig.safeParse({ tenantId: 'acme', webhookSecretRef: 'causeway/tenants/acme/webhooks' }).success).toBe(true);
  });
});

describe('versioned platform keys', () => {
  const OLD = 'the-first-platform-key-of-32-chars-at-least';
  const NEW = 'the-second-platform-key-of-32-chars-or-more';
  const before = platformKeysFromSecret({ key: OLD })!;
  const after = platformKeysFromSecret({ current: 'k20270105', keys: { k0: { key: OLD }, k20270105: { key: NEW, createdAt: '2027-01-05T00:00:00Z' } } })!;
  const retired = platformKeysFromSecret({ current: 'k20270105', keys: { k20270105: { key: NEW, createdAt: '2027-01-05T00:00:00Z' } } })!;

  it('reads an old single-key secret as version k0, and refuses a secret of neither shape', () => {
    expect(before.kid).toBe('k0');
    expect(platformKeysFromSecret({ key: 'short' })).toBeUndefined();
    expect(platformKeysFromSecret({ current: 'k2', keys: { k1: { key: NEW } } })).toBeUndefined();
    expect(platformKeysFromSecret(undefined)).toBeUndefined();
  });

  it('a link and a sealed token issued before a rotation still verify after it, until their key is retired', () => {
    const oldLink = fromUrl(approvalUrl('https://api.example.com', before, link));
    const oldSeal = encryptToken(before, 'task-token-issued-before', 'acme/abc123');
    expect(verifyLink(after, oldLink)).toBe(true);
    expect(decryptToken(after, oldSeal, 'acme/abc123')).toBe('task-token-issued-before');
    expect(verifyLink(retired, oldLink)).toBe(false);
    expect(() => decryptToken(retired, oldSeal, 'acme/abc123')).toThrow('no longer holds');
  });

  it('signs and seals new things under the new key, which the old ring cannot verify', () => {
    const newLink = fromUrl(approvalUrl('https://api.example.com', after, link));
    expect(newLink.kid).toBe('k20270105');
    expect(verifyLink(after, newLink)).toBe(true);
    expect(verifyLink(before, newLink)).toBe(false);
    const newSeal = encryptToken(after, 'task-token-issued-after', 'acme/abc123');
    expect(newSeal.startsWith('k20270105.')).toBe(true);
    expect(decryptToken(after, newSeal, 'acme/abc123')).toBe('task-token-issued-after');
    expect(() => decryptToken(before, newSeal, 'acme/abc123')).toThrow();
  });

  it('a link cannot claim another key id than the one that signed it', () => {
    const newLink = fromUrl(approvalUrl('https://api.example.com', after, link));
    expect(verifyLink(after, { ...newLink, kid: 'k0' })).toBe(false);
    expect(parseLink('acme', 'abc123', { decision: 'approve', exp: '1900000000', sig: 'x', kid: '../etc' })).toBeUndefined();
  });
});

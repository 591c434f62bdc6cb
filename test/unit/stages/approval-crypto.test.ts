import { describe, expect, it } from 'vitest';
import { approvalUrl, csrfToken, signLink, verifyLink } from '../../../functions/shared/approval-links.js';
import { decryptToken, derivePlatformKeys, encryptToken } from '../../../functions/shared/platform-keys.js';
import { TenantConfig } from '../../../functions/contracts/index.js';

const keys = derivePlatformKeys('a-platform-key-of-at-least-thirty-two-chars');
const link = { tenantId: 'acme', approvalId: 'abc123', decision: 'approve' as const, expires: 1_900_000_000 };

describe('approval links and sealed tokens', () => {
  it('binds tenant, approval, decision and expiry into the signature', () => {
    const sig = signLink(keys.linkKey, link);
    expect(verifyLink(keys.linkKey, link, sig)).toBe(true);
    for (const altered of [{ tenantId: 'other' }, { approvalId: 'abc124' }, { decision: 'reject' as const }, { expires: link.expires + 1 }]) {
      expect(verifyLink(keys.linkKey, { ...link, ...altered }, sig)).toBe(false);
    }
    expect(verifyLink(derivePlatformKeys('another-platform-key-of-32-chars-or-more').linkKey, link, sig)).toBe(false);
    expect(csrfToken(keys.csrfKey, link)).not.toBe(sig);
  });

  it('puts no token in the URL, only ids, decision, expiry and signature', () => {
    const url = new URL(approvalUrl('https://api.example.com', keys.linkKey, link));
    expect(url.pathname).toBe('/v1/tenants/acme/approvals/abc123');
    expect([...url.searchParams.keys()].sort()).toEqual(['decision', 'exp', 'sig']);
  });

  it('seals the task token so only the same approval can open it', () => {
    const sealed = encryptToken(keys.tokenKey, 'AQCEAAAAKgAAAAMAAAAAAAAAA-real-token', 'acme/abc123');
    expect(sealed).not.toContain('real-token');
    expect(decryptToken(keys.tokenKey, sealed, 'acme/abc123')).toBe('AQCEAAAAKgAAAAMAAAAAAAAAA-real-token');
    expect(() => decryptToken(keys.tokenKey, sealed, 'other/abc123')).toThrow();
    const [iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptToken(keys.tokenKey, [iv, tag, flipped.toString('base64url')].join('.'), 'acme/abc123')).toThrow();
  });

  it('refuses the platform key as a tenant secret reference', () => {
    expect(TenantConfig.safeParse({ tenantId: 'acme', webhookSecretRef: 'causeway/platform' }).success).toBe(false);
    expect(TenantConfig.safeParse({ tenantId: 'acme', webhookSecretRef: 'causeway/tenants/acme/webhooks' }).success).toBe(true);
  });
});

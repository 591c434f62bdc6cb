import { describe, expect, it } from 'vitest';
import { logHint } from '../../../functions/score/core/logs.js';
import { trustRefused } from '../../../functions/score/core/trust.js';

describe('trust material a peer refused', () => {
  it('reads a signing certificate rotated out of the trusted metadata as the platform', () => {
    const line = 'SAML response rejected: signature validation failed (Issuer https://idp.example/saml, signing cert SHA-1 fingerprint 7B:1E not in trusted metadata)';
    expect(trustRefused(line)).toBe(true);
    expect(logHint(line, 'sso')).toBe('infrastructure');
  });

  it("reads a provider's reason code for a refused token or key as the platform", () => {
    expect(logHint('APNs 403 InvalidProviderToken for device bd615031 (team key ABC123); message dropped', 'push-sender')).toBe('infrastructure');
    expect(logHint('An error occurred (ExpiredToken) when calling the PutObject operation', 'exporter')).toBe('infrastructure');
    expect(logHint('signing key k-2026-03 revoked by issuer; assertion refused')).toBe('infrastructure');
  });

  it("leaves one user's expired login, and a programming error, to their own readings", () => {
    expect(trustRefused('user 42 access token expired, redirecting to login')).toBe(false);
    expect(logHint('user 42 access token expired, redirecting to login')).toBeUndefined();
    expect(logHint('java.lang.NullPointerException: signing key was null')).toBe('code_defect');
  });
});

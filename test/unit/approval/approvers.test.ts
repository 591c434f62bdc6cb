import { describe, expect, it } from 'vitest';
import { approverNames, displayName, mayDecide, principal, type VerifiedIdentity } from '../../../functions/approval/approvers.js';
import { TenantConfig } from '../../../functions/contracts/index.js';

const okta: VerifiedIdentity = { via: 'oidc', issuer: 'https://acme.okta.com', subject: '00u1lead', email: 'lead@acme.com', name: 'Lee Lead' };
const entra: VerifiedIdentity = { via: 'oidc', issuer: 'https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0', subject: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ' };
const click: VerifiedIdentity = { via: 'slack-button', issuer: 'https://slack.com', subject: 'U024BE7LH', team: 'T0ACME' };

describe('who a verified identity is, and whom the approvers list lets decide', () => {
  it('names a person by issuer and subject, and shows the verified email, the Slack id or the name', () => {
    expect(principal(okta)).toBe('oidc:https://acme.okta.com#00u1lead');
    expect(principal(click)).toBe('slack:T0ACME/U024BE7LH');
    expect(displayName(okta)).toBe('lead@acme.com');
    expect(displayName(click)).toBe('U024BE7LH');
    expect(displayName(entra)).toBe(`oidc:${entra.issuer}#${entra.subject}`);
    expect(displayName({ ...entra, name: 'Ed Entra' })).toBe(`Ed Entra (${entra.issuer})`);
  });

  it('matches subjects exactly, Slack users, and verified emails case-insensitively, and nothing else', () => {
    expect(mayDecide(['OIDC:https://acme.okta.com#00u1lead'], okta)).toBe(false);
    expect(mayDecide(['oidc:https://acme.okta.com#00u1lead'], okta)).toBe(true);
    expect(mayDecide(['LEAD@acme.com'], okta)).toBe(true);
    expect(mayDecide(['email:lead@acme.com'], okta)).toBe(true);
    expect(mayDecide(['lead@acme.com'], { ...okta, email: undefined } as VerifiedIdentity)).toBe(false);
    expect(mayDecide(['oidc:https://evil.example#00u1lead'], okta)).toBe(false);
    expect(mayDecide(['Lee Lead'], okta)).toBe(false);
    expect(mayDecide(['U024BE7LH'], click)).toBe(true);
    expect(mayDecide(['slack:T0ACME/U024BE7LH'], click)).toBe(true);
    expect(mayDecide(['slack:T0OTHER/U024BE7LH'], click)).toBe(false);
    expect(mayDecide(['U024BE7LH'], { ...okta, subject: 'U024BE7LH' })).toBe(false);
    expect(mayDecide([`oidc:${entra.issuer}#${entra.subject.toLowerCase()}`], entra)).toBe(false);
    expect(approverNames(click)).toContain('oidc:https://slack.com#U024BE7LH');
  });

  it('an empty list lets any verified person decide', () => {
    expect(mayDecide([], entra)).toBe(true);
  });
});

describe('a tenant’s identity block', () => {
  const parse = (identity: unknown) => TenantConfig.safeParse({ tenantId: 'acme', identity });
  it('takes an issuer, a client and its secret reference, with openid scopes by default', () => {
    const parsed = parse({ issuer: 'https://acme.okta.com/oauth2/default', clientId: '0oa1abc', clientSecretRef: 'causeway/tenants/acme/okta' });
    expect(parsed.success && parsed.data.identity).toEqual({ issuer: 'https://acme.okta.com/oauth2/default', clientId: '0oa1abc', clientSecretRef: 'causeway/tenants/acme/okta', scopes: ['openid', 'email', 'profile'] });
  });
  it('refuses scopes without openid, a secret outside causeway/, and Google or Slack without allowed email domains', () => {
    expect(parse({ issuer: 'https://acme.okta.com', clientId: 'x', scopes: ['email'] }).success).toBe(false);
    expect(parse({ issuer: 'https://acme.okta.com', clientId: 'x', clientSecretRef: 'other/secret' }).success).toBe(false);
    expect(parse({ issuer: 'https://accounts.google.com', clientId: 'x.apps.googleusercontent.com' }).error?.issues[0]?.message).toContain('set allowedEmailDomains');
    expect(parse({ issuer: 'https://slack.com', clientId: '123.456' }).success).toBe(false);
    expect(parse({ issuer: 'https://slack.com', clientId: '123.456', allowedEmailDomains: ['acme.com'] }).success).toBe(true);
  });
});

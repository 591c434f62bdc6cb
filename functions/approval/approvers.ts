/** Sign in with Slack's issuer; a Slack button click is recorded under it too, so both name a Slack user the same way. */
export const SLACK_ISSUER = 'https://slack.com';

/**
 * A person whose identity Causeway verified itself: an ID token from the tenant's OpenID
 * Connect provider (signature, issuer, audience, expiry and nonce checked), or a button
 * click whose body the tenant's Slack signing secret signed. Nothing typed by a user is
 * ever one of these.
 */
export interface VerifiedIdentity {
  via: 'oidc' | 'slack-button';
  issuer: string;
  subject: string;
  /** Present only when the provider asserted `email_verified`. */
  email?: string;
  name?: string;
  /** The Slack workspace (team id), from a click or Sign in with Slack's `https://slack.com/team_id` claim. */
  team?: string;
}

/** The stable name of a verified person, written as the audit actor: `oidc:<issuer>#<sub>` or `slack:<team>/<user>`. */
export function principal(identity: VerifiedIdentity): string {
  if (identity.issuer === SLACK_ISSUER && identity.team) return `slack:${identity.team}/${identity.subject}`;
  return `oidc:${identity.issuer}#${identity.subject}`;
}

/** What people read: the verified email, else the Slack user id (Slack renders it as a mention), else the name, else the principal. */
export function displayName(identity: VerifiedIdentity): string {
  if (identity.email) return identity.email;
  if (identity.issuer === SLACK_ISSUER) return identity.subject;
  return identity.name ? `${identity.name} (${identity.issuer})` : principal(identity);
}

/**
 * Every approver-list entry that names this person: `oidc:<issuer>#<sub>`; `slack:<team>/<user>`
 * and the bare Slack user id for a Slack identity; the email (bare or `email:`) only when the
 * provider verified it. Subjects are case-sensitive (OpenID Connect Core §2), so they are
 * compared exactly; emails are lower-cased.
 */
export function approverNames(identity: VerifiedIdentity): string[] {
  const names = [`oidc:${identity.issuer}#${identity.subject}`];
  if (identity.issuer === SLACK_ISSUER) {
    names.push(identity.subject);
    if (identity.team) names.push(`slack:${identity.team}/${identity.subject}`);
  }
  if (identity.email) names.push(identity.email.toLowerCase(), `email:${identity.email.toLowerCase()}`);
  return names;
}

/** An approvers-list entry as it is compared: emails lower-cased, subjects and Slack ids exact. */
function normalEntry(entry: string): string {
  const trimmed = entry.trim();
  return /^(oidc|slack):/.test(trimmed) || !trimmed.includes('@') ? trimmed : trimmed.toLowerCase();
}

/**
 * Whether the tenant's approvers list lets this verified person decide. An empty list lets
 * any verified person of the tenant's identity provider (within its allowed email domains)
 * or of its Slack app decide: the list narrows who may, verification is never skipped.
 */
export function mayDecide(approvers: readonly string[], identity: VerifiedIdentity): boolean {
  if (approvers.length === 0) return true;
  const names = new Set(approverNames(identity));
  return approvers.some((entry) => names.has(normalEntry(entry)));
}

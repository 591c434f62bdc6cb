/*
 * The trust material services present to each other: certificates, the keys that sign
 * assertions and provider tokens, the metadata that says which of them to trust. When a
 * peer stops accepting it (a signing certificate rotated out of the trusted metadata, a
 * team key revoked, a provider token refused as invalid), every call on that path fails
 * at once, whatever the request held: the platform's credentials failed, not the code
 * that presented them (the format puts certificates under `infrastructure`).
 */

/** A key, certificate or token by the role it plays between services (signing, a client's, a provider's, a team's or service account's). */
const MATERIAL = String.raw`(?:signing|client|provider|team|service[ _-]?account|idp|saml)[ _-]?(?:cert(?:ificate)?|key|token)s?`;

/** What a peer says of trust material it would not accept: revoked, expired, invalid, not trusted, rotated, unknown. */
const REFUSED = String.raw`(?:revoked|expired|invalid|not (?:in )?(?:the )?trusted|untrusted|rotated|unknown|mismatch(?:ed)?)`;

/**
 * Words that say a peer refused the trust material between two services: that material
 * named with what was wrong with it (`signing cert … not in trusted metadata`, `team key
 * revoked`), a signature or certificate that failed validation, or a provider's reason
 * code for it (`InvalidProviderToken`, `ExpiredToken`, `InvalidClientTokenId`). An
 * end user's session or access token is left out: one user's expired login is no
 * platform's failure.
 */
const TRUST_REFUSED = new RegExp(
  String.raw`\b${MATERIAL}\b[^.;\n]{0,80}\b${REFUSED}\b|\b${REFUSED}\b[^.;\n]{0,20}\b${MATERIAL}\b|\b(?:signature|certificate|cert) (?:validation|verification) failed\b|\b(?:Invalid|Expired|Revoked|Untrusted)(?:Provider|Client|Signing)?(?:Token|Key|Certificate|Signature)(?:Id)?\b`,
  'i',
);

/** Whether a log line or error says a peer refused the trust material between services (`TRUST_REFUSED`). */
export const trustRefused = (text: string) => TRUST_REFUSED.test(text);

import { randomBytes } from 'node:crypto';
import { ConfigurationError } from '../shared/errors.js';
import { LEGACY_KEY_ID, PlatformKeyVersion, platformKeysFromSecret, VersionedPlatformSecret } from '../shared/platform-keys.js';

/**
 * How long a key keeps verifying after its successor took over: the longest an approval can
 * wait (the tenant contract's `approval.timeoutSeconds` is at most seven days), plus an hour
 * for approver sessions, cached secrets and clock skew. Links, CSRF tokens, sessions and
 * sealed task tokens issued under a key all expire within it.
 */
export const RETAIN_AFTER_SUPERSEDED_SECONDS = 7 * 24 * 3600 + 3600;

/** `k20270105t093000`: sortable, URL-safe, and says when the key began to sign. */
export function keyIdAt(now: Date): string {
  return `k${now.toISOString().slice(0, 19).replace(/[-:]/g, '').toLowerCase()}`;
}

/** Either shape of the platform secret as the versioned one: an old `{ key }` secret becomes version k0. */
export function asVersioned(value: unknown): VersionedPlatformSecret {
  const versioned = VersionedPlatformSecret.safeParse(value);
  if (versioned.success) return versioned.data;
  const legacy = PlatformKeyVersion.pick({ key: true }).safeParse(value);
  if (legacy.success) return { current: LEGACY_KEY_ID, keys: { [LEGACY_KEY_ID]: { key: legacy.data.key } } };
  throw new ConfigurationError('the platform secret holds neither versioned keys nor a "key" of 32+ characters');
}

/**
 * The platform secret after one rotation: a new key becomes current; every older key stays
 * while something issued under it may still be alive, that is until its successor has been
 * current for {@link RETAIN_AFTER_SUPERSEDED_SECONDS}; older ones are dropped.
 */
export function rotatedSecret(currentValue: unknown, now: Date, newKey = randomBytes(48).toString('base64url')): VersionedPlatformSecret {
  const secret = asVersioned(currentValue);
  let kid = keyIdAt(now);
  while (secret.keys[kid]) kid = `${kid}x`;
  const ordered = Object.entries(secret.keys).sort(([, a], [, b]) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
  const kept = ordered.filter((_entry, index) => {
    const successor = ordered[index + 1]?.[1];
    const supersededAt = successor?.createdAt ? Date.parse(successor.createdAt) : now.getTime();
    return now.getTime() - supersededAt < RETAIN_AFTER_SUPERSEDED_SECONDS * 1000;
  });
  return { current: kid, keys: { ...Object.fromEntries(kept), [kid]: { key: newKey, createdAt: now.toISOString() } } };
}

/**
 * What testSecret checks before a pending version may become current: it parses, its current
 * key is new, and the key that signs today is still among its keys, so nothing issued a
 * moment ago stops verifying when the stage moves.
 */
export function checkPending(currentValue: unknown, pendingValue: unknown): void {
  const current = asVersioned(currentValue);
  const pending = VersionedPlatformSecret.safeParse(pendingValue);
  if (!pending.success || !platformKeysFromSecret(pending.data)) throw new ConfigurationError('the pending platform secret does not parse');
  if (pending.data.current === current.current) throw new ConfigurationError('the pending platform secret has no new current key');
  if (pending.data.keys[current.current]?.key !== current.keys[current.current]!.key) throw new ConfigurationError(`the pending platform secret drops the key that signs now (${current.current})`);
}

import { createHash } from 'node:crypto';

/**
 * The dedup key: a SHA-256 (64 hex characters, safe in keys and execution names) of the tenant,
 * the sender family and the sender's own identity for "the same alert", so a firing, its repeats
 * and its resolution all land on one key, and two tenants never share one.
 */
export function dedupKey(tenantId: string, family: string, identity: string): string {
  return createHash('sha256').update(`${tenantId}\u0000${family}\u0000${identity}`, 'utf8').digest('hex');
}

/** A stable fingerprint of a label set for senders that omit one: sorted pairs, hashed. */
export function labelsFingerprint(labels: Record<string, string>): string {
  const canonical = Object.keys(labels)
    .sort()
    .map((key) => `${key}\u0000${labels[key]}`)
    .join('\u0001');
  return createHash('sha256').update(canonical, 'utf8').digest('hex').slice(0, 16);
}

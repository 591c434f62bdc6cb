import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConfigurationError } from './errors.js';
import { readPlatformSecret } from './secrets.js';

/** The id a secret of the old single-`key` shape gives its key; links and sealed values made under it carry no key id. */
export const LEGACY_KEY_ID = 'k0';

/** Key ids travel in links and sealed values, so they are short and URL-safe. */
export const KeyId = z.string().regex(/^k[a-z0-9]{1,24}$/, 'a key id such as k20261206t1840');

/** One version of the platform key; `createdAt` tells rotation when it became current, so when the one before it stopped signing. */
export const PlatformKeyVersion = z.object({ key: z.string().min(32), createdAt: z.iso.datetime().optional() });

/**
 * The platform secret (`causeway/platform`): every key version still needed to verify what
 * was issued under it, and the id of the one that signs and seals now. The rotation Lambda
 * writes this shape; a secret of the old shape (`{ "key": "…" }`) is read as one version,
 * {@link LEGACY_KEY_ID}, so a deployment keeps working until its first rotation.
 */
export const VersionedPlatformSecret = z
  .object({ current: KeyId, keys: z.record(KeyId, PlatformKeyVersion) })
  .refine((secret) => secret.keys[secret.current] !== undefined, 'current names a key the secret does not hold');
export type VersionedPlatformSecret = z.infer<typeof VersionedPlatformSecret>;
const LegacyPlatformSecret = z.object({ key: z.string().min(32) });

/** Purpose-bound keys derived from one version of the platform key, so a leaked link key cannot decrypt tokens. */
export interface PlatformKeySet {
  kid: string;
  linkKey: Buffer;
  tokenKey: Buffer;
  csrfKey: Buffer;
  /** Seals the approver's signed-in session cookie and the sign-in transaction. */
  sessionKey: Buffer;
  /** Signs explorer session cookies (minted by a token sign-in or a login link; an OIDC sign-in can mint the same). */
  explorerSessionKey: Buffer;
  /** Seals the read API's pagination cursors. */
  cursorKey: Buffer;
}

/** The current key set (what signs and seals now) and every older version still accepted for verifying. */
export interface PlatformKeys extends PlatformKeySet {
  byId(kid: string): PlatformKeySet | undefined;
}

function derive(master: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(master, 'utf8'), Buffer.alloc(0), Buffer.from(`causeway/${purpose}/v1`), 32));
}

function keySet(kid: string, master: string): PlatformKeySet {
  return { kid, linkKey: derive(master, 'approval-link'), tokenKey: derive(master, 'task-token'), csrfKey: derive(master, 'csrf'), sessionKey: derive(master, 'approver-session'), explorerSessionKey: derive(master, 'explorer-session'), cursorKey: derive(master, 'list-cursor') };
}

/** A key ring from versions by id and the current id. */
export function keyRing(versions: Record<string, string>, current: string): PlatformKeys {
  const sets = new Map(Object.entries(versions).map(([kid, master]) => [kid, keySet(kid, master)]));
  const now = sets.get(current);
  if (!now) throw new ConfigurationError(`the platform secret's current key ${current} is not among its keys`);
  return { ...now, byId: (kid) => sets.get(kid) };
}

/** A single-version ring, as an old-shape secret gives (tests use it with their own master key). */
export function derivePlatformKeys(master: string, kid = LEGACY_KEY_ID): PlatformKeys {
  return keyRing({ [kid]: master }, kid);
}

/** Parses either shape of the platform secret into a key ring; undefined when it is neither. */
export function platformKeysFromSecret(value: unknown): PlatformKeys | undefined {
  const versioned = VersionedPlatformSecret.safeParse(value);
  if (versioned.success) return keyRing(Object.fromEntries(Object.entries(versioned.data.keys).map(([kid, v]) => [kid, v.key])), versioned.data.current);
  const legacy = LegacyPlatformSecret.safeParse(value);
  return legacy.success ? derivePlatformKeys(legacy.data.key) : undefined;
}

export async function loadPlatformKeys(secretName: string): Promise<PlatformKeys> {
  const keys = platformKeysFromSecret(await readPlatformSecret(secretName));
  if (!keys) throw new ConfigurationError(`platform secret ${secretName} is missing, or holds neither versioned keys nor a "key" of 32+ characters`);
  return keys;
}

function sealWith(key: Buffer, plaintext: string, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

function openWith(key: Buffer, parts: string[], boundTo: string): string {
  const [iv, tag, body] = parts.map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body || parts.length !== 3) throw new ConfigurationError('sealed value is malformed');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

type SealPurpose = 'tokenKey' | 'sessionKey';

/**
 * AES-256-GCM under the current key version, bound to `boundTo` as associated data, prefixed
 * with the key id (`kid.iv.tag.body`) so it still opens after a rotation.
 */
export function seal(keys: PlatformKeys, purpose: SealPurpose, plaintext: string, boundTo: string): string {
  const sealed = sealWith(keys[purpose], plaintext, boundTo);
  return keys.kid === LEGACY_KEY_ID ? sealed : `${keys.kid}.${sealed}`;
}

/** Opens what {@link seal} made under any version the ring still holds; a three-part value is the legacy key's. */
export function unseal(keys: PlatformKeys, purpose: SealPurpose, sealed: string, boundTo: string): string {
  const parts = sealed.split('.');
  const kid = parts.length === 4 ? parts.shift()! : LEGACY_KEY_ID;
  const set = keys.byId(kid);
  if (!set) throw new ConfigurationError(`sealed with key ${kid}, which the platform secret no longer holds`);
  return openWith(set[purpose], parts, boundTo);
}

/** The task token is stored only in this form, bound to its approval id. */
export function encryptToken(keys: PlatformKeys, token: string, boundTo: string): string {
  return seal(keys, 'tokenKey', token, boundTo);
}

export function decryptToken(keys: PlatformKeys, sealed: string, boundTo: string): string {
  return unseal(keys, 'tokenKey', sealed, boundTo);
}

export function hmac(key: Buffer, ...parts: string[]): string {
  return createHmac('sha256', key).update(parts.join('\n')).digest('base64url');
}

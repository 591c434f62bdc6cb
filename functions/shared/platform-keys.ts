import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ConfigurationError } from './errors.js';
import { readSecretJson } from './secrets.js';

const PlatformSecret = z.object({ key: z.string().min(32) });

/** Purpose-bound keys derived from the one platform secret, so a leaked link key cannot decrypt tokens. */
export interface PlatformKeys {
  linkKey: Buffer;
  tokenKey: Buffer;
  csrfKey: Buffer;
  /** Signs explorer session cookies (minted by a token sign-in or a login link; an OIDC sign-in can mint the same). */
  sessionKey: Buffer;
  /** Seals the read API's pagination cursors. */
  cursorKey: Buffer;
}

function derive(master: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(master, 'utf8'), Buffer.alloc(0), Buffer.from(`causeway/${purpose}/v1`), 32));
}

export function derivePlatformKeys(master: string): PlatformKeys {
  return { linkKey: derive(master, 'approval-link'), tokenKey: derive(master, 'task-token'), csrfKey: derive(master, 'csrf'), sessionKey: derive(master, 'explorer-session'), cursorKey: derive(master, 'list-cursor') };
}

export async function loadPlatformKeys(secretName: string): Promise<PlatformKeys> {
  const parsed = PlatformSecret.safeParse(await readSecretJson(secretName));
  if (!parsed.success) throw new ConfigurationError(`platform secret ${secretName} is missing or has no "key" of 32+ characters`);
  return derivePlatformKeys(parsed.data.key);
}

/** AES-256-GCM; the task token is stored only in this form, bound to its approval id as associated data. */
export function encryptToken(tokenKey: Buffer, token: string, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', tokenKey, iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function decryptToken(tokenKey: Buffer, sealed: string, boundTo: string): string {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) throw new ConfigurationError('sealed task token is malformed');
  const decipher = createDecipheriv('aes-256-gcm', tokenKey, iv);
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

export function hmac(key: Buffer, ...parts: string[]): string {
  return createHmac('sha256', key).update(parts.join('\n')).digest('base64url');
}

/** Constant-time comparison of two strings of any length. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

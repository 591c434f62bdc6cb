import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * The one comparison for anything secret: a signature, a token, a password, a CSRF value,
 * a nonce. Both sides are hashed to 32 bytes first, so the time taken reveals neither the
 * content nor the length of either, and `timingSafeEqual` never throws on a length mismatch.
 */
export function safeEqual(actual: string, expected: string): boolean {
  return timingSafeEqual(digest(actual), digest(expected));
}

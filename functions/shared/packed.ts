import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * A JSON value stored gzipped in one binary attribute. DynamoDB bills a write by the item's
 * size in whole KiB; JSON written once and read whole (an alert, a diagnosis) shrinks four
 * to six times, so its item, and every later rewrite of one that carries it, costs that much less.
 */
export function pack(value: unknown): Uint8Array {
  return gzipSync(Buffer.from(JSON.stringify(value), 'utf8'));
}

export function unpack(body: unknown): unknown {
  if (!(body instanceof Uint8Array)) throw new TypeError('expected a packed (gzip JSON) binary attribute');
  return JSON.parse(gunzipSync(body).toString('utf8'));
}

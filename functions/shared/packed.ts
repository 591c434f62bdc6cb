import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';

/*
 * JSON stored compressed in one binary attribute. DynamoDB bills a write by the item's size
 * in whole KiB, so what is written once and read whole (an alert, a diagnosis, a provider's
 * result) is stored as small as it goes: Brotli at its densest setting takes a 35 KB metrics
 * result to 6 KB where gzip took it to 10 KB, for tens of milliseconds of CPU on a write
 * that happens once. Values written before were gzip, and still read: a gzip stream starts
 * 0x1f 0x8b, and a Brotli stream with the 4 MiB window set here never starts 0x1f (its
 * first byte's low bits encode the window, 0xb).
 */

const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_LGWIN]: 22 } };

/** Compresses bytes for storage. */
export function compress(bytes: Uint8Array): Buffer {
  return brotliCompressSync(bytes, BROTLI);
}

/** The bytes `compress` was given, from what it returned or from gzip written before it. */
export function decompress(stored: Uint8Array): Buffer {
  return stored[0] === 0x1f && stored[1] === 0x8b ? gunzipSync(stored) : brotliDecompressSync(stored);
}

export function pack(value: unknown): Uint8Array {
  return compress(Buffer.from(JSON.stringify(value), 'utf8'));
}

export function unpack(body: unknown): unknown {
  if (!(body instanceof Uint8Array)) throw new TypeError('expected a packed (compressed JSON) binary attribute');
  return JSON.parse(decompress(body).toString('utf8'));
}

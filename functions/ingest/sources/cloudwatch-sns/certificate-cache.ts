/**
 * SNS signs with a handful of certificates (one per region, rotated rarely), yet every message
 * names its certificate's URL: without a cache each alarm costs a fetch from AWS, adding its
 * latency, and an SNS endpoint that stalls fails deliveries. This keeps each fetched PEM for
 * `ttlMs` (so a rotated or revoked certificate is fetched again within that time), at most
 * `maxEntries` URLs (the oldest goes first), and shares one fetch among messages that arrive
 * together. A failed fetch is never kept. URLs reach it only after `isSigningCertUrl`, and the
 * certificate's validity dates are still checked on every message.
 */
export interface CertificateCacheOptions {
  fetch: (url: string) => Promise<string>;
  now: () => number;
  ttlMs?: number;
  maxEntries?: number;
}

/** An hour: far shorter than a signing certificate's life, long enough that a busy hour fetches once. */
export const CERTIFICATE_TTL_MS = 3_600_000;
/** SNS has one signing certificate per region at a time; a few more cover a rotation. */
export const MAX_CACHED_CERTIFICATES = 32;

export function cachedCertificates(options: CertificateCacheOptions): (url: string) => Promise<string> {
  const ttlMs = options.ttlMs ?? CERTIFICATE_TTL_MS;
  const maxEntries = options.maxEntries ?? MAX_CACHED_CERTIFICATES;
  const entries = new Map<string, { pem: Promise<string>; fetchedAt: number }>();
  return (url) => {
    const now = options.now();
    const cached = entries.get(url);
    if (cached && now - cached.fetchedAt < ttlMs) return cached.pem;
    entries.delete(url);
    const pem = options.fetch(url);
    pem.catch(() => {
      if (entries.get(url)?.pem === pem) entries.delete(url);
    });
    entries.set(url, { pem, fetchedAt: now });
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return pem;
  };
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { MalformedRequestError } from '../shared/errors.js';
import { listingPartition } from '../shared/listing.js';

/** Where a page of the list index stopped: the item's table keys and its index keys. */
export const ListingKey = z.object({ pk: z.string().max(300), sk: z.literal('RECORD'), listPk: z.string().max(300), listSk: z.string().max(300) }).strict();
export type ListingKey = z.infer<typeof ListingKey>;

/**
 * Seals where a page stopped into an opaque cursor: AES-256-GCM, with the tenant and the
 * query's filters as associated data, so a cursor can be neither read, altered, nor
 * replayed against another tenant or another filter.
 */
export function sealCursor(key: Buffer, position: ListingKey, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(position), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Opens a cursor sealed for this tenant and query; anything else is a 400 that says so. */
export function openCursor(key: Buffer, cursor: string, boundTo: string, tenantId: string): ListingKey {
  const invalid = () => new MalformedRequestError('cursor: not a cursor this query returned (cursors are bound to the tenant and the filters)');
  const raw = Buffer.from(cursor, 'base64url');
  if (raw.length < 29) throw invalid();
  let position: unknown;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(raw.subarray(12, 28));
    position = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
  } catch {
    throw invalid();
  }
  const parsed = ListingKey.safeParse(position);
  if (!parsed.success || parsed.data.listPk !== listingPartition(tenantId) || !parsed.data.pk.startsWith(`TENANT#${tenantId}#INV#`)) throw invalid();
  return parsed.data;
}

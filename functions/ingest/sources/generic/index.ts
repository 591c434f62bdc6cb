import type { SourceAdapter } from '../types.js';
import { normalizeGeneric } from './normalize.js';
import { verifyGeneric } from './verify.js';

/** Causeway's own JSON format, HMAC-signed with a timestamp. */
export const genericAdapter: SourceAdapter = {
  source: 'generic',
  door: 'http',
  verify: verifyGeneric,
  normalize: normalizeGeneric,
};

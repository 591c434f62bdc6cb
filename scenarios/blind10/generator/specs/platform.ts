import type { Spec } from '../lib/spec.js';

/** Dependencies and infrastructure. */
export const PLATFORM: Spec[] = [];

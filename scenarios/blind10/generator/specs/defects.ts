import type { Spec } from '../lib/spec.js';

/** Feature flags and latent code defects. */
export const DEFECTS: Spec[] = [];

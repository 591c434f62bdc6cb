import type { Spec } from '../lib/spec.js';

/** Resource exhaustion and traffic surges. */
export const CAPACITY: Spec[] = [];

import type { Spec } from './lib.js';

export const SPECS_B: Spec[] = [];

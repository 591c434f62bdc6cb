import type { Spec } from './engine.js';
export const specsC: Spec[] = [];

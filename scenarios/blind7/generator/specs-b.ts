import type { Spec } from './engine.js';
export const specsB: Spec[] = [];

import type { Spec } from './engine.js';
export const specsD: Spec[] = [];

import type { Spec } from './lib.js';
import { S1 } from './s1.js';
import { S2 } from './s2.js';

export const SPECS: Spec[] = [...S1, ...S2];

import type { Spec } from './lib.js';
import { SPECS_1 } from './specs-1.js';
import { SPECS_2 } from './specs-2.js';
import { SPECS_3 } from './specs-3.js';
import { SPECS_4 } from './specs-4.js';

/** Every incident of the suite, in the order the README lists them. */
export const SPECS: Spec[] = [...SPECS_1, ...SPECS_2, ...SPECS_3, ...SPECS_4];

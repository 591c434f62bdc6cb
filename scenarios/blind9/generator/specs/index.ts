/** Every spec of the suite, in the order the README lists them. */
import type { Spec } from '../build.js';
import { CHANGE_SPECS } from './changes.js';

export const SPECS: Spec[] = [...CHANGE_SPECS];

/** Every spec of the suite, in the order the README lists them. */
import type { Spec } from '../build.js';
import { CAPACITY_SPECS } from './capacity.js';
import { CHANGE_SPECS } from './changes.js';
import { FAULT_SPECS } from './faults.js';
import { MORE_SPECS } from './more.js';
import { THIRD_SPECS } from './third.js';

export const SPECS: Spec[] = [...CHANGE_SPECS, ...CAPACITY_SPECS, ...FAULT_SPECS, ...MORE_SPECS, ...THIRD_SPECS];

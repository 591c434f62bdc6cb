import type { Spec } from '../lib/spec.js';
import { CHANGES } from './changes.js';
import { CAPACITY } from './capacity.js';
import { PLATFORM } from './platform.js';
import { DEFECTS } from './defects.js';
import { SAME_SERVICE } from './same-service.js';

/** Every scenario of the suite, in the order the README lists them. */
export const SPECS: Spec[] = [...CHANGES, ...CAPACITY, ...PLATFORM, ...DEFECTS, ...SAME_SERVICE];

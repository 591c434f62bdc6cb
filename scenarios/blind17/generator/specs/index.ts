import type { Spec } from '../lib.js';
import { A } from './a.js';

/** Every blind17 scenario, one spec each. */
export const SPECS: Spec[] = [...A];

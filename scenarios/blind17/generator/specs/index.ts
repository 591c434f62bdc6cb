import type { Spec } from '../lib.js';
import { A } from './a.js';
import { B } from './b.js';
import { C } from './c.js';
import { D } from './d.js';
import { E } from './e.js';

/** Every blind17 scenario, one spec each. */
export const SPECS: Spec[] = [...A, ...B, ...C, ...D, ...E];

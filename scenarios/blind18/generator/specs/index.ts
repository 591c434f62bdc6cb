import type { Spec } from '../core.js';
import { A } from './a.js';
import { B } from './b.js';
import { C } from './c.js';
import { D } from './d.js';
import { E } from './e.js';
import { F } from './f.js';
import { G } from './g.js';
import { H } from './h.js';
import { I } from './i.js';

/** Every blind18 scenario, in README order. */
export const SPECS: Spec[] = [...A, ...B, ...C, ...D, ...E, ...F, ...G, ...H, ...I];

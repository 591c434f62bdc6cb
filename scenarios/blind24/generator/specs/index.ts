import type { Spec } from '../core.js';
import { A } from './a.js';
import { B } from './b.js';
import { C } from './c.js';
import { D } from './d.js';

export const SPECS: Spec[] = [...A, ...B, ...C, ...D];

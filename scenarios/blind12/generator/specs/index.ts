import type { Spec } from '../lib.js';
import { POSTMORTEMS_A } from './postmortems-a.js';
import { POSTMORTEMS_B } from './postmortems-b.js';

export const SPECS: Spec[] = [...POSTMORTEMS_A, ...POSTMORTEMS_B];

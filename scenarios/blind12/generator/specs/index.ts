import type { Spec } from '../lib.js';
import { POSTMORTEMS_A } from './postmortems-a.js';
import { POSTMORTEMS_B } from './postmortems-b.js';
import { POSTMORTEMS_C } from './postmortems-c.js';
import { POSTMORTEMS_D } from './postmortems-d.js';
import { CHANGES } from './changes.js';
import { CLASSES } from './classes.js';

export const SPECS: Spec[] = [...POSTMORTEMS_A, ...POSTMORTEMS_B, ...POSTMORTEMS_C, ...POSTMORTEMS_D, ...CHANGES, ...CLASSES];

import type { Spec } from '../lib.js';
import { POSTMORTEMS_A } from './postmortems-a.js';

export const SPECS: Spec[] = [...POSTMORTEMS_A];

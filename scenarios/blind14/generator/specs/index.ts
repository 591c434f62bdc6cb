import type { Spec } from '../lib.js';
import { A } from './a.js';

export const SPECS: Spec[] = [...A];

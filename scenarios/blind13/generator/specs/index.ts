import type { Spec } from '../spec.js';
import { A } from './a.js';

export const SPECS: Spec[] = [...A];

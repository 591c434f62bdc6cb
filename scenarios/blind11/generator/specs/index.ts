import type { Spec } from '../spec.js';
import { DEPLOYMENT } from './deployment.js';

/** Every scenario of the suite, in README order. */
export const SPECS: Spec[] = [...DEPLOYMENT];

import type { ScenarioSpec } from '../build.js';
import { CHANGES } from './changes.js';

/** Every scenario of the suite, in the order the README lists them. */
export const SPECS: ScenarioSpec[] = [...CHANGES];

import type { ScenarioSpec } from '../build.js';
import { CHANGES } from './changes.js';
import { DEPENDENCIES_AND_PLATFORM } from './dependencies-and-platform.js';
import { FLAGS_AND_EXHAUSTION } from './flags-and-exhaustion.js';
import { MORE } from './more.js';
import { SURGES_AND_DEFECTS } from './surges-and-defects.js';

/** Every scenario of the suite, in the order the README lists them. */
export const SPECS: ScenarioSpec[] = [...CHANGES, ...FLAGS_AND_EXHAUSTION, ...DEPENDENCIES_AND_PLATFORM, ...SURGES_AND_DEFECTS, ...MORE];

import type { Built } from '../builder.js';
import { configScenarios } from './config.js';
import { deploymentScenarios } from './deployment.js';

/** Every scenario of the suite, in the order the files are listed in the README. */
export const allScenarios: Array<() => Built> = [...deploymentScenarios, ...configScenarios];

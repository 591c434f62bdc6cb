import type { Built } from '../builder.js';
import { configScenarios } from './config.js';
import { defectScenarios } from './defects.js';
import { dependencyScenarios } from './dependencies.js';
import { deploymentScenarios } from './deployment.js';
import { flagScenarios } from './flags.js';
import { infrastructureScenarios } from './infrastructure.js';
import { resourceScenarios } from './resources.js';
import { trafficScenarios } from './traffic.js';

/** Every scenario of the suite, in the order the files are listed in the README. */
export const allScenarios: Array<() => Built> = [...deploymentScenarios, ...configScenarios, ...flagScenarios, ...resourceScenarios, ...dependencyScenarios, ...infrastructureScenarios, ...trafficScenarios, ...defectScenarios];

import type { Def } from './kit.js';
export const dependencyAndInfraScenarios: Def[] = [];

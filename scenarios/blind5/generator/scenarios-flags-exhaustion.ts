import type { Def } from './kit.js';
export const flagAndExhaustionScenarios: Def[] = [];

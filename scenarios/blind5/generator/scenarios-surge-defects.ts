import type { Def } from './kit.js';
export const surgeAndDefectScenarios: Def[] = [];

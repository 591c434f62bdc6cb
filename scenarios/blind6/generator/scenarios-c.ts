import type { ScenarioSpec } from './engine.js';
export const SPECS_C: ScenarioSpec[] = [];

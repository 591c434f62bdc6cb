import type { ScenarioSpec } from '../lib/types.js';
import { shopA } from './shop-a.js';

export const ALL: ScenarioSpec[] = [...shopA];

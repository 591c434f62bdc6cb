import type { ScenarioSpec } from '../lib/types.js';
import { shopA } from './shop-a.js';
import { shopB } from './shop-b.js';
import { shopC } from './shop-c.js';

export const ALL: ScenarioSpec[] = [...shopA, ...shopB, ...shopC];

import type { ScenarioSpec } from '../lib/types.js';
import { dispatchA } from './dispatch-a.js';
import { dispatchB } from './dispatch-b.js';
import { mediaA } from './media-a.js';
import { mediaB } from './media-b.js';
import { paymentsA } from './payments-a.js';
import { paymentsB } from './payments-b.js';
import { platformA } from './platform-a.js';
import { platformB } from './platform-b.js';
import { platformC } from './platform-c.js';
import { shopA } from './shop-a.js';
import { shopB } from './shop-b.js';
import { shopC } from './shop-c.js';
import { shopD } from './shop-d.js';

export const ALL: ScenarioSpec[] = [...shopA, ...shopB, ...shopC, ...shopD, ...paymentsA, ...paymentsB, ...mediaA, ...mediaB, ...platformA, ...platformB, ...platformC, ...dispatchA, ...dispatchB];

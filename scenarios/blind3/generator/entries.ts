import type { Entry } from './dsl.js';
import { specsA } from './specs-a.js';
import { specsB } from './specs-b.js';
import { specsC } from './specs-c.js';
import { specsD } from './specs-d.js';

/** Every scenario of the suite, in the order of the manifest. */
export const ENTRIES: Entry[] = [...specsA, ...specsB, ...specsC, ...specsD];

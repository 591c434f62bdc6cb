import type { Entry } from './dsl.js';
import { specsA } from './specs-a.js';

/** Every scenario of the suite, in the order of the manifest. */
export const ENTRIES: Entry[] = [...specsA];

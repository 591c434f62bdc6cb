import { a } from './a.js';
import { b } from './b.js';
import { c } from './c.js';
import { d } from './d.js';

export const specs = [...a, ...b, ...c, ...d];

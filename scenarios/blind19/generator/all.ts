import type { Spec } from './lib.js';
import { S1 } from './s1.js';
import { S2 } from './s2.js';
import { S3 } from './s3.js';
import { S4 } from './s4.js';

export const SPECS: Spec[] = [...S1, ...S2, ...S3, ...S4];

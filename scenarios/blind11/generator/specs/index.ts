import type { Spec } from '../spec.js';
import { CONFIG } from './config.js';
import { DEFECTS } from './defects.js';
import { DEPENDENCIES } from './dependencies.js';
import { DEPLOYMENT } from './deployment.js';
import { EXTRA } from './extra.js';
import { FLAGS } from './flags.js';
import { INFRASTRUCTURE } from './infrastructure.js';
import { MORE } from './more.js';
import { RESOURCES } from './resources.js';
import { TRAFFIC } from './traffic.js';

/** Every scenario of the suite, in README order. */
export const SPECS: Spec[] = [...DEPLOYMENT, ...CONFIG, ...FLAGS, ...RESOURCES, ...DEPENDENCIES, ...INFRASTRUCTURE, ...TRAFFIC, ...DEFECTS, ...MORE, ...EXTRA];

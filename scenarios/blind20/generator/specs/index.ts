import type { Spec } from '../core.js';
import { A, B } from './a.js';
import { C, D, E, F } from './b.js';
import { G, H, I, J } from './c.js';
import { K, L, M, N } from './d.js';
import { widen } from './lib.js';

/** The rest of each larger shop: services that carry on as usual around the incident. */
const REST_OF_SHOP: Record<string, Record<string, string[]>> = {
  'tunecloud-storefront-lookups-fail': {
    'edge-gw': ['podcasts-api', 'radio-api', 'reviews-api'],
    'podcasts-api': ['feed-crawler'],
    'reviews-api': ['reviews-db'],
  },
};

const ALL: Spec[] = [...A, ...B, ...C, ...D, ...E, ...F, ...G, ...H, ...I, ...J, ...K, ...L, ...M, ...N];

for (const name of Object.keys(REST_OF_SHOP)) if (!ALL.some((spec) => spec.name === name)) throw new Error(`REST_OF_SHOP names no scenario: ${name}`);

/** Every blind20 scenario, in README order. */
export const SPECS: Spec[] = ALL.map((spec) => (REST_OF_SHOP[spec.name] ? widen(spec, REST_OF_SHOP[spec.name]!) : spec));

import { join } from 'node:path';

/** Where the Nezha benchmarks and the shared examples are read from: `../shared` beside a checkout, or CAUSEWAY_SHARED. */
export const SHARED = process.env.CAUSEWAY_SHARED ?? '../shared';

export interface Suite {
  name: string;
  dir: string;
}

/**
 * The development suites: every scenario folder a scoring round may read, each one fold
 * of the leave-one-suite-out validations in `tune-weights.ts` and `calibration.ts`. A
 * blind suite joins after its first scoring; the ones still held out (README, EVAL) are
 * not here, so no search or fit ever sees them.
 */
export const DEVELOPMENT_SUITES: readonly Suite[] = [
  { name: 'own', dir: 'scenarios' },
  { name: 'blind', dir: 'scenarios/blind' },
  { name: 'blind2', dir: 'scenarios/blind2' },
  { name: 'blind3', dir: 'scenarios/blind3' },
  { name: 'blind5', dir: 'scenarios/blind5' },
  { name: 'nezha-ob', dir: join(SHARED, 'benchmarks/nezha-ob') },
  { name: 'nezha-tt', dir: join(SHARED, 'benchmarks/nezha-tt') },
];

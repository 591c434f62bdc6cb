import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { replayEvidence, type ReplayedEvidence } from '../test/helpers/direct-replay.js';

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

/** A suite's scenarios that carry an answer, each replayed through the scenario provider once (file name and evidence), in file order. */
export async function replaySuite(suite: Suite): Promise<{ file: string; evidence: ReplayedEvidence }[]> {
  const out: { file: string; evidence: ReplayedEvidence }[] = [];
  for (const file of (await readdir(suite.dir)).filter((f) => f.endsWith('.json')).sort()) {
    const evidence = await replayEvidence(join(suite.dir, file));
    if (evidence.scenario.expected) out.push({ file, evidence });
  }
  return out;
}

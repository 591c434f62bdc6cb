import { readFileSync } from 'node:fs';
import { EVIDENCE_ASL, INVESTIGATION_ASL } from '../../lib/paths.js';

/** The parts of an ASL state these tests look at. */
export interface State {
  Type: string;
  Resource?: string;
  Parameters?: Record<string, unknown>;
  TimeoutSeconds?: number;
  TimeoutSecondsPath?: string;
  Retry?: Array<{ ErrorEquals: string[]; IntervalSeconds?: number; MaxAttempts?: number; BackoffRate?: number; JitterStrategy?: string }>;
  Catch?: Array<{ ErrorEquals: string[]; Next: string; ResultPath?: string | null }>;
  ItemProcessor?: { ProcessorConfig?: { Mode?: string }; States: Record<string, State> };
  Iterator?: { States: Record<string, State> };
  Branches?: Array<{ States: Record<string, State> }>;
}

/** The definition file's exact bytes, as CDK uploads them and the local runtime reads them. */
export const aslSource = readFileSync(INVESTIGATION_ASL);

/** The evidence workflow's file (Express), which the investigation starts and awaits. */
export const evidenceSource = readFileSync(EVIDENCE_ASL);

export interface Definition {
  StartAt: string;
  TimeoutSeconds?: number;
  States: Record<string, State>;
}

/** A fresh parse each call: asl-validator mutates what it is given. */
export const aslDefinition = (): Definition => JSON.parse(aslSource.toString('utf8')) as Definition;
export const evidenceDefinition = (): Definition => JSON.parse(evidenceSource.toString('utf8')) as Definition;

/** Every state with its path, including those inside Map item processors and Parallel branches. */
export function* walkStates(states: Record<string, State>, path = ''): Generator<[string, State]> {
  for (const [name, state] of Object.entries(states)) {
    yield [`${path}${name}`, state];
    const nested = [state.ItemProcessor, state.Iterator, ...(state.Branches ?? [])];
    for (const machine of nested) if (machine) yield* walkStates(machine.States, `${path}${name}/`);
  }
}

/** Every state of both files, the evidence workflow's named `evidence:<state>`. */
export const allStates = (): Array<[string, State]> => [...walkStates(aslDefinition().States), ...walkStates(evidenceDefinition().States, 'evidence:')];

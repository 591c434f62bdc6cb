import { readFileSync } from 'node:fs';
import { INVESTIGATION_ASL } from '../../lib/paths.js';

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

/** A fresh parse each call: asl-validator mutates what it is given. */
export const aslDefinition = (): { States: Record<string, State> } =>
  JSON.parse(aslSource.toString('utf8')) as { States: Record<string, State> };

/** Every state with its path, including those inside Map item processors and Parallel branches. */
export function* walkStates(states: Record<string, State>, path = ''): Generator<[string, State]> {
  for (const [name, state] of Object.entries(states)) {
    yield [`${path}${name}`, state];
    const nested = [state.ItemProcessor, state.Iterator, ...(state.Branches ?? [])];
    for (const machine of nested) if (machine) yield* walkStates(machine.States, `${path}${name}/`);
  }
}

export const allStates = (): Array<[string, State]> => [...walkStates(aslDefinition().States)];

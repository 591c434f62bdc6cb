import { readFileSync } from 'node:fs';

/** The one definition, shared with CDK: the file both runtimes load. */
export const DEFINITION_FILE = new URL('../state-machines/investigation.asl.json', import.meta.url);

/** The evidence workflow (Express on AWS) the investigation starts and awaits; also one file for both runtimes. */
export const EVIDENCE_DEFINITION_FILE = new URL('../state-machines/evidence.asl.json', import.meta.url);

/** Fills every `${Name}` placeholder, as CDK's definitionSubstitutions do; an unknown one is an error, never left in. */
export function substitute(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no substitution for \${${name}} in the state machine definition`);
    return value;
  });
}

export function readDefinition(file: URL = DEFINITION_FILE): string {
  return readFileSync(file, 'utf8');
}

export interface TaskState {
  name: string;
  resource: string;
  functionName?: string;
  dynamicFunction: boolean;
}

/** Every Task state, nested Map and Parallel states included: the local runtime must bind each one. */
export function taskStates(definition: { States: Record<string, unknown> }): TaskState[] {
  const found: TaskState[] = [];
  const walk = (states: Record<string, unknown>) => {
    for (const [name, raw] of Object.entries(states)) {
      const state = raw as Record<string, unknown>;
      if (state.Type === 'Task') {
        const params = (state.Parameters ?? {}) as Record<string, unknown>;
        found.push({
          name,
          resource: String(state.Resource),
          functionName: typeof params.FunctionName === 'string' ? params.FunctionName : undefined,
          dynamicFunction: 'FunctionName.$' in params,
        });
      }
      const processor = (state.ItemProcessor ?? state.Iterator) as { States: Record<string, unknown> } | undefined;
      if (processor) walk(processor.States);
      for (const branch of (state.Branches ?? []) as { States: Record<string, unknown> }[]) walk(branch.States);
    }
  };
  walk(definition.States);
  return found;
}

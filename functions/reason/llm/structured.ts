import type { ChatMessage } from './client.js';
import type { ModelSession } from './budget.js';
import { ModelOutputError } from './errors.js';
import { repairInstruction } from './prompt-v1.js';
import type { ResponseSchema } from './schema.js';

/** The previous answer is echoed back in the repair call, bounded so a runaway answer cannot blow the prompt. */
const MAX_ECHO_CHARS = 8000;

/**
 * Asks for a JSON answer matching `schema`. An answer that is not JSON or not the schema
 * gets exactly one repair call (the answer and what was wrong with it); a second invalid
 * answer is a ModelOutputError, and the caller falls back.
 */
export async function completeStructured<T>(session: ModelSession, messages: ChatMessage[], schema: ResponseSchema<T>): Promise<T> {
  const request = { schema: { name: schema.name, jsonSchema: schema.jsonSchema } };
  const first = await session.complete({ ...request, messages });
  const parsed = schema.parse(first.content);
  if (parsed.ok) return parsed.value;
  const repair: ChatMessage[] = [
    ...messages,
    { role: 'assistant', content: first.content.slice(0, MAX_ECHO_CHARS) },
    { role: 'user', content: repairInstruction(parsed.problem) },
  ];
  const second = await session.complete({ ...request, messages: repair });
  const repaired = schema.parse(second.content);
  if (repaired.ok) return repaired.value;
  throw new ModelOutputError(`the model's answer was invalid, and again after one repair (${repaired.problem.slice(0, 200)})`);
}

import { z } from 'zod';
import { ActionKind, RootCauseKind } from '../../contracts/index.js';

/*
 * What the model must return. The wire schemas are deliberately plain (no length or
 * range keywords, every property required, no extra properties) so the same JSON Schema
 * works in OpenAI strict mode, Azure, Bedrock, vLLM guided decoding and Ollama. Bounds
 * and citations are enforced after parsing, by grounding, not by the endpoint.
 */

const ids = z.array(z.string()).describe('Evidence ids from the data block, e.g. LOG_2, CHANGE_1.');

const ModelStatement = z.object({
  text: z.string().describe('One plain-English claim.'),
  evidenceIds: ids,
});

/**
 * Action names are free strings when parsed, so an unknown action is removed by grounding
 * instead of failing the whole answer; the JSON Schema still lists the catalog.
 */
const ModelAction = z.object({
  action: z.string().meta({ enum: ActionKind.options }),
  service: z.string().describe('The service the action applies to, or an empty string.'),
  reason: z.string(),
  evidenceIds: ids,
});

/** The RCA as the model writes it, before grounding. */
export const ModelRcaAnswer = z.object({
  summary: ModelStatement,
  rootCause: z.object({ service: z.string(), kind: RootCauseKind, statement: ModelStatement }),
  causalChain: z.array(ModelStatement),
  recommendedActions: z.array(ModelAction),
  confidence: z.number().describe('0 to 1.'),
});
export type ModelRcaAnswer = z.infer<typeof ModelRcaAnswer>;

/** A follow-up answer as the model writes it, before grounding. */
export const ModelQuestionAnswer = z.object({
  answer: z.string(),
  evidenceIds: ids,
});
export type ModelQuestionAnswer = z.infer<typeof ModelQuestionAnswer>;

/** A named JSON Schema for `response_format: { type: 'json_schema' }`, generated from a zod schema. */
export interface ResponseSchema<T> {
  name: string;
  jsonSchema: Record<string, unknown>;
  parse: (content: string) => { ok: true; value: T } | { ok: false; problem: string };
}

/**
 * Builds the response format and the parser from one zod schema, so what the endpoint is
 * told and what we accept cannot drift. Parsing never throws: a problem is returned as
 * text for the repair prompt.
 */
export function responseSchema<S extends z.ZodType>(name: string, schema: S): ResponseSchema<z.infer<S>> {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { target: 'draft-7' }) as Record<string, unknown>;
  return {
    name,
    jsonSchema,
    parse(content) {
      let raw: unknown;
      try {
        raw = JSON.parse(stripFence(content));
      } catch (error) {
        return { ok: false, problem: `not valid JSON: ${(error as Error).message}` };
      }
      const parsed = schema.safeParse(raw);
      if (parsed.success) return { ok: true, value: parsed.data };
      const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      return { ok: false, problem: `does not match the schema: ${problems.join('; ')}` };
    },
  };
}

/** Some servers wrap JSON in a Markdown fence even in JSON mode; the fence is not content. */
function stripFence(content: string): string {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(content);
  return fenced ? fenced[1]! : content;
}

export const RCA_SCHEMA = responseSchema('causeway_rca', ModelRcaAnswer);
export const QUESTION_SCHEMA = responseSchema('causeway_answer', ModelQuestionAnswer);

import { z } from 'zod';
import { BackendResponseError, describeUrl, requestJson } from '../../shared/http-client.js';

/* Argo CD's Application, as `GET /api/v1/applications/{name}` returns it (only the fields read). */

const Source = z.object({ repoURL: z.string().optional(), path: z.string().optional(), chart: z.string().optional(), targetRevision: z.string().optional() }).optional();
const InitiatedBy = z.object({ username: z.string().optional(), automated: z.boolean().optional() }).optional();

export const HistoryEntry = z.object({
  id: z.number(),
  revision: z.string().optional(),
  revisions: z.array(z.string()).optional(),
  deployedAt: z.string(),
  deployStartedAt: z.string().optional(),
  source: Source,
  initiatedBy: InitiatedBy,
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const Application = z.object({
  metadata: z.object({ name: z.string(), namespace: z.string().optional() }),
  status: z
    .object({
      sync: z.object({ status: z.string().optional(), revision: z.string().optional() }).optional(),
      health: z.object({ status: z.string().optional(), message: z.string().optional() }).optional(),
      history: z.array(HistoryEntry).default([]),
      operationState: z
        .object({
          phase: z.string(),
          message: z.string().optional(),
          startedAt: z.string().optional(),
          finishedAt: z.string().optional(),
          operation: z.object({ initiatedBy: InitiatedBy, sync: z.object({ revision: z.string().optional() }).optional() }).optional(),
        })
        .optional(),
    })
    .default({ history: [] }),
});
export type Application = z.infer<typeof Application>;

/** GETs one Application; a body that is not one is a named error. */
export async function getApplication(url: string, headers: Record<string, string>, signal: AbortSignal): Promise<Application> {
  const parsed = Application.safeParse(await requestJson({ method: 'GET', url, headers }, signal));
  if (!parsed.success) throw new BackendResponseError(`GET ${describeUrl(url)} answered a body that is not an Argo CD Application`);
  return parsed.data;
}

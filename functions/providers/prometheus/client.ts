import { z } from 'zod';
import { BackendQueryError, BackendResponseError, describeUrl, requestJson } from '../../shared/http-client.js';

/*
 * The Prometheus HTTP API envelope (also served by Mimir, Thanos, VictoriaMetrics):
 * `{ status, data, warnings?, infos? }` on success, `{ status: "error", errorType, error }`
 * on failure. Non-2xx answers are classified by http-client (5xx and 429 transient).
 */

const Sample = z.tuple([z.number(), z.string()]);

export const MatrixResult = z.object({
  resultType: z.literal('matrix'),
  result: z.array(z.object({ metric: z.record(z.string(), z.string()), values: z.array(Sample).default([]), histograms: z.array(z.unknown()).optional() })),
});
export type MatrixResult = z.infer<typeof MatrixResult>;

const Envelope = z.discriminatedUnion('status', [
  z.object({ status: z.literal('success'), data: z.unknown(), warnings: z.array(z.string()).optional(), infos: z.array(z.string()).optional() }),
  z.object({ status: z.literal('error'), errorType: z.string().optional(), error: z.string().optional() }),
]);

export interface ApiAnswer<T> {
  data: T;
  warnings: string[];
}

/** GETs one API URL and checks the envelope and `data` against `schema` (`what` names it in errors). */
export async function getApi<T extends z.ZodType>(url: string, headers: Record<string, string>, schema: T, what: string, signal: AbortSignal): Promise<ApiAnswer<z.infer<T>>> {
  const where = `GET ${describeUrl(url)}`;
  const envelope = Envelope.safeParse(await requestJson({ method: 'GET', url, headers }, signal));
  if (!envelope.success) throw new BackendResponseError(`${where} answered a body that is not a Prometheus API response`);
  if (envelope.data.status === 'error') throw new BackendQueryError(`${where}: ${envelope.data.errorType ?? 'error'}: ${(envelope.data.error ?? '').slice(0, 300)}`);
  const data = schema.safeParse(envelope.data.data);
  if (!data.success) throw new BackendResponseError(`${where} answered data that is not the expected ${what}`);
  return { data: data.data, warnings: envelope.data.warnings ?? [] };
}

/** `/api/v1/label/<name>/values` data. */
export const LabelValues = z.array(z.string());

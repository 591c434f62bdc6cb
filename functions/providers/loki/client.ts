import { z } from 'zod';
import { BackendQueryError, BackendResponseError, describeUrl, requestJson } from '../../shared/http-client.js';

/*
 * Loki's query_range answer for a log query: `data.resultType` "streams", each stream its
 * labels and `values` of `[ns, line]` (plus structured metadata as a third element when
 * the backend sends it).
 */

const Entry = z.union([z.tuple([z.string(), z.string()]), z.tuple([z.string(), z.string(), z.record(z.string(), z.unknown())])]);

export const Streams = z.object({
  resultType: z.literal('streams'),
  result: z.array(z.object({ stream: z.record(z.string(), z.string()).default({}), values: z.array(Entry).default([]) })),
});
export type Streams = z.infer<typeof Streams>;

const Envelope = z.object({ status: z.string(), data: z.unknown().optional(), error: z.string().optional(), errorType: z.string().optional() });

/** GETs one page; a non-success body or an answer that is not streams is a named error. */
export async function getStreams(url: string, headers: Record<string, string>, signal: AbortSignal): Promise<Streams> {
  const where = `GET ${describeUrl(url)}`;
  const envelope = Envelope.safeParse(await requestJson({ method: 'GET', url, headers }, signal));
  if (!envelope.success) throw new BackendResponseError(`${where} answered a body that is not a Loki API response`);
  if (envelope.data.status !== 'success') throw new BackendQueryError(`${where}: ${envelope.data.errorType ?? envelope.data.status}: ${(envelope.data.error ?? '').slice(0, 300)}`);
  const data = Streams.safeParse(envelope.data.data);
  if (!data.success) throw new BackendResponseError(`${where} answered data that is not a streams result (was a metric query sent?)`);
  return data.data;
}

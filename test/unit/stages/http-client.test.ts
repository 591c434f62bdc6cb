import { afterEach, describe, expect, it } from 'vitest';
import {
  BackendAuthError,
  BackendQueryError,
  BackendResponseError,
  fetchTransport,
  recordingTransport,
  replayTransport,
  requestJson,
  setTransport,
  type RecordedExchange,
  type Transport,
} from '../../../functions/shared/http-client.js';
import { TransientError } from '../../../functions/shared/errors.js';

const signal = new AbortController().signal;
const answer = (status: number, body = '{}', headers: Record<string, string> = {}): Transport => async () => ({ status, headers, body });
afterEach(() => void setTransport(fetchTransport));

describe('the provider HTTP client', () => {
  it('classifies answers: throttling and 5xx are transient, auth and bad queries are not', async () => {
    const request = { method: 'GET' as const, url: 'https://user:pass@prom.example.com/api/v1/query?query=up&token=s3cret' };
    setTransport(answer(429, '', { 'retry-after': '2' }));
    await expect(requestJson(request, signal)).rejects.toThrow(TransientError);
    setTransport(answer(503));
    await expect(requestJson(request, signal)).rejects.toThrow(TransientError);
    setTransport(async () => Promise.reject(new Error('ECONNREFUSED')));
    await expect(requestJson(request, signal)).rejects.toThrow(TransientError);
    setTransport(answer(401));
    await expect(requestJson(request, signal)).rejects.toThrow(BackendAuthError);
    setTransport(answer(400, '{"error":"parse error at char 4"}'));
    const bad = await requestJson(request, signal).catch((e: Error) => e);
    expect(bad).toBeInstanceOf(BackendQueryError);
    expect((bad as Error).message).toContain('parse error');
    expect((bad as Error).message).not.toMatch(/s3cret|pass/);
    setTransport(answer(200, '<html>'));
    await expect(requestJson(request, signal)).rejects.toThrow(BackendResponseError);
    setTransport(answer(200, '{"status":"success"}'));
    await expect(requestJson(request, signal)).resolves.toEqual({ status: 'success' });
  });

  it('records exchanges without credentials and replays them byte for byte, refusing anything unrecorded', async () => {
    const sink: RecordedExchange[] = [];
    setTransport(recordingTransport(answer(200, '{"n":1}'), sink));
    const request = { method: 'POST' as const, url: 'https://loki.example.com/loki/api/v1/query_range', headers: { authorization: 'Bearer abc' }, body: 'query=x' };
    await requestJson(request, signal);
    expect(sink[0]!.request.headers).toMatchObject({ authorization: '[redacted]' });
    setTransport(replayTransport(sink));
    await expect(requestJson(request, signal)).resolves.toEqual({ n: 1 });
    await expect(requestJson(request, signal)).rejects.toThrow(/no recorded exchange/);
    await expect(requestJson({ ...request, body: 'query=y' }, signal)).rejects.toThrow(/no recorded exchange/);
  });
});

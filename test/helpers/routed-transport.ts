import type { HttpRequest, HttpResponse, Transport } from '../../functions/shared/http-client.js';

/*
 * A fake HTTP transport for provider contract tests: it records every request (so a
 * test can assert method, URL, headers and body) and answers from a list of routes.
 */

export type Answer = HttpResponse | ((request: HttpRequest, nth: number) => HttpResponse);

/** A JSON answer as a backend would send it. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** Routes match on a predicate; the first that matches answers. An unmatched request fails the test loudly. */
export function routedTransport(routes: [(request: HttpRequest) => boolean, Answer][]): { transport: Transport; requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  const counts = new Map<number, number>();
  const transport: Transport = async (request) => {
    requests.push(request);
    const index = routes.findIndex(([match]) => match(request));
    if (index < 0) throw new Error(`unexpected request ${request.method} ${request.url}`);
    const nth = counts.get(index) ?? 0;
    counts.set(index, nth + 1);
    const answer = routes[index]![1];
    return typeof answer === 'function' ? answer(request, nth) : answer;
  };
  return { transport, requests };
}

/** A URL's search parameters, for exact assertions. */
export const paramsOf = (request: HttpRequest): Record<string, string> => Object.fromEntries(new URL(request.url).searchParams);

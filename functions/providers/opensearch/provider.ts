import type { EvidencePlan, ProviderQuery } from '../../contracts/index.js';
import { fitToBudget } from '../shared/budget.js';
import { gridForWindow } from '../shared/grid.js';
import { TemplateMiner, logPatterns, type RawLogLine } from '../shared/logs.js';
import { referenceBound, withReference } from '../shared/reference.js';
import type { EvidenceProvider, ProviderFindings } from '../types.js';
import { openSearchHeaders, search } from './client.js';
import { readSearch, toLine, type SearchPage } from './normalize.js';
import { OpenSearchOptions, openSearchEndpoint, openSearchOptions } from './options.js';
import { describeSearch, discoverLink, problemsBody, sampleBody, searchUrl, serviceField, servicesOf, type SearchAfter } from './translate.js';

/*
 * OpenSearch / Elasticsearch logs: warn and error lines newest first (search_after
 * pages, bounded), plus a random sample of the rest, streamed into the shared template
 * miner and cut to the byte budget. Partial answers (timeouts, failed shards, pages left
 * unread) are said in notes.
 */

/** Never throws, so even a misconfigured backend's error says what would have been searched. */
function describe(plan: EvidencePlan): ProviderQuery {
  const options = OpenSearchOptions.safeParse(plan.backend.options).data ?? OpenSearchOptions.parse({});
  return { text: describeSearch(plan, options), target: plan.backend.endpoint ?? '(no endpoint configured)', window: plan.window };
}

const bounded = (notes: string[]) => (notes.length > 20 ? [...notes.slice(0, 19), `${notes.length - 19} more notes left out`] : notes).map((n) => n.slice(0, 500));
const count = (t: SearchPage['total']) => (t ? `${t.exact ? '' : 'at least '}${t.value}` : 'an unknown number of');

interface Connection {
  url: string;
  headers: Record<string, string>;
}

/** Warn/error lines newest first (bounded pages), then the sample of the rest, over `plan`'s window into `sink`; returns what was left out. */
async function readLines(plan: EvidencePlan, options: OpenSearchOptions, conn: Connection, sink: (line: RawLogLine) => void, signal: AbortSignal): Promise<string[]> {
  const services = servicesOf(plan);
  const fallbackService = services.length === 1 ? services[0]! : 'unknown';
  const notes: string[] = [];
  const partial = new Set<string>();
  const add = (page: SearchPage) => {
    page.partial.forEach((p) => partial.add(p));
    for (const hit of page.hits) {
      const line = toLine(hit._source, options, serviceField(plan), fallbackService);
      if (line) sink(line);
    }
  };

  let after: SearchAfter | undefined;
  let total: SearchPage['total'];
  let read = 0;
  let oldest: unknown;
  for (let page = 0; page < options.maxPages; page++) {
    const { body, where } = await search(conn.url, problemsBody(plan, options, after), conn.headers, signal);
    const result = readSearch(body, where);
    total ??= result.total;
    add(result);
    read += result.hits.length;
    const last = result.hits.at(-1);
    if (result.hits.length < options.pageSize || !last?.sort) {
      after = undefined;
      break;
    }
    [after, oldest] = [last.sort, last.sort[0]];
  }
  if (after) {
    const since = typeof oldest === 'number' ? ` back to ${new Date(oldest).toISOString()}` : '';
    notes.push(`read the newest ${read} of ${count(total)} warn/error lines (${options.maxPages} pages of ${options.pageSize})${since}; older ones were not read, so earlier counts are low`);
  }

  if (options.sampleSize > 0) {
    const { body, where } = await search(conn.url, sampleBody(plan, options), conn.headers, signal);
    const sample = readSearch(body, where);
    add(sample);
    if (sample.hits.length > 0 && (sample.total?.value ?? 0) > sample.hits.length) {
      notes.push(`lines below warn are a random sample of ${sample.hits.length} of ${count(sample.total)}; their counts are sampled, not totals`);
    }
  }
  notes.push(...partial);
  return notes;
}

export const openSearchProvider: EvidenceProvider = {
  type: 'opensearch',
  classes: ['logs'],
  describe,
  async query(plan, deps): Promise<ProviderFindings> {
    const options = openSearchOptions(plan);
    const conn: Connection = { url: searchUrl(openSearchEndpoint(plan), options), headers: await openSearchHeaders(plan, deps) };
    const miner = new TemplateMiner(gridForWindow(plan.window));
    const refOptions = { ...options, pageSize: referenceBound(options.pageSize), maxPages: referenceBound(options.maxPages), sampleSize: options.sampleSize > 0 ? referenceBound(options.sampleSize) : 0 };
    const { main: notes, reference } = await withReference(
      plan,
      deps,
      () => readLines(plan, options, conn, (line) => miner.add(line), deps.signal),
      async (refPlan, signal) => {
        const lines: RawLogLine[] = [];
        await readLines(refPlan, refOptions, conn, (line) => lines.push(line), signal);
        return lines;
      },
      { noun: 'log lines' },
    );
    const ranked = logPatterns(miner, Date.parse(plan.alertAt), discoverLink(plan, options), reference.items);
    const fitted = fitToBudget(ranked, plan.limits.maxBytes, 'log patterns', 'errors and the patterns that changed first', plan.limits.maxItems);
    return { query: describe(plan), items: fitted.items, notes: bounded([...notes, ...reference.notes, ...fitted.notes]) };
  },
};

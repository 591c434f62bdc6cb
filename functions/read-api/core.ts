import { z } from 'zod';
import { InvestigationId, InvestigationStatus, IsoTime, ServiceName, type InvestigationRecord } from '../contracts/index.js';
import { type ApiTokenDeps, authenticateApiToken, bearerToken } from '../shared/api-token.js';
import type { StoredAuditEntry } from '../shared/audit.js';
import { CausewayError, MalformedRequestError, NotFoundError, UnauthorizedError } from '../shared/errors.js';
import { type ListingKey, openCursor, sealCursor } from './cursor.js';
import type { ListingFilter, ListingPage, ListingRow } from './store.js';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** The list's query string. Unknown parameters are refused, so a typo is an error rather than an unfiltered list. */
export const ListQuery = z
  .object({
    service: ServiceName.optional(),
    status: z
      .string()
      .transform((value) => value.split(',').map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(InvestigationStatus).min(1).max(InvestigationStatus.options.length))
      .optional(),
    since: IsoTime.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    cursor: z.string().min(1).max(1024).optional(),
  })
  .strict();
export type ListQuery = z.infer<typeof ListQuery>;

/** One row of the list: enough to triage, with the id to fetch the rest. */
export interface InvestigationSummary {
  investigationId: string;
  createdAt: string;
  updatedAt?: string;
  status?: InvestigationStatus;
  alert?: { title: string; service?: string; severity: string; source: string };
  rootCause?: { service: string; kind: string; summary: string; confidence: number };
}

export interface InvestigationList {
  investigations: InvestigationSummary[];
  /** Pass as `cursor` for the next (older) page; absent on the last page. */
  nextCursor?: string;
}

export interface InvestigationDetail {
  investigation: InvestigationRecord;
  /** The append-only audit trail, oldest first. */
  audit: StoredAuditEntry[];
}

export interface ReadDeps extends ApiTokenDeps {
  /** The purpose-bound key that seals cursors. */
  cursorKey: () => Promise<Buffer>;
  queryListing: (tenantId: string, filter: ListingFilter, pageSize: number, start: ListingKey | undefined) => Promise<ListingPage>;
  readRecord: (tenantId: string, investigationId: string) => Promise<InvestigationRecord | undefined>;
  readAudit: (tenantId: string, investigationId: string) => Promise<StoredAuditEntry[]>;
}

export interface ReadResponse<T> {
  status: number;
  body: T | { error: string };
  /** Why a request was refused, for logs only; the caller sees one message. */
  logReason?: string;
}

/** Parses the list's query string into a query, naming the first bad parameter. */
export function parseListQuery(params: Record<string, string | undefined> | undefined): ListQuery {
  const parsed = ListQuery.safeParse(params ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : (issue?.path.join('.') ?? '');
    throw new MalformedRequestError(`${field || 'query'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** The cursor is bound to the tenant and the filters, not to the page size, which a client may change between pages. */
function cursorBinding(tenantId: string, query: ListQuery): string {
  return JSON.stringify([tenantId, query.service ?? null, query.status ?? null, query.since ?? null]);
}

function summarize(row: ListingRow): InvestigationSummary {
  const hash = row.listSk.lastIndexOf('#');
  return {
    investigationId: row.pk.slice(row.pk.indexOf('#INV#') + 5),
    createdAt: row.listSk.slice(0, hash),
    updatedAt: row.listUpdatedAt,
    status: row.listStatus,
    alert: row.listSignal,
    rootCause: row.listRca,
  };
}

/**
 * A page of an already-authenticated tenant's investigations, newest first. The
 * explorer calls this after checking its session; the API after checking the token.
 */
export async function listInvestigations(tenantId: string, query: ListQuery, deps: ReadDeps): Promise<InvestigationList> {
  const key = await deps.cursorKey();
  const binding = cursorBinding(tenantId, query);
  const start = query.cursor ? openCursor(key, query.cursor, binding, tenantId) : undefined;
  const page = await deps.queryListing(tenantId, { service: query.service, statuses: query.status, since: query.since }, query.limit, start);
  return { investigations: page.rows.map(summarize), nextCursor: page.next ? sealCursor(key, page.next, binding) : undefined };
}

/** One investigation of an already-authenticated tenant, with its audit trail; a malformed id is simply not found. */
export async function getInvestigation(tenantId: string, investigationId: string, deps: ReadDeps): Promise<InvestigationDetail> {
  if (!InvestigationId.safeParse(investigationId).success) throw new NotFoundError(`no investigation ${investigationId.slice(0, 80)}`);
  const [investigation, audit] = await Promise.all([deps.readRecord(tenantId, investigationId), deps.readAudit(tenantId, investigationId)]);
  if (!investigation) throw new NotFoundError(`no investigation ${investigationId}`);
  return { investigation, audit };
}

async function answer<T>(work: () => Promise<T>): Promise<ReadResponse<T>> {
  try {
    return { status: 200, body: await work() };
  } catch (error) {
    if (!(error instanceof CausewayError) || error.status >= 500) throw error;
    const logReason = error.cause instanceof Error ? error.cause.message : error.message;
    return { status: error.status, body: { error: error instanceof UnauthorizedError ? 'unauthorized' : error.message }, logReason };
  }
}

export interface ListRequest {
  tenantId: string;
  authorization: string | undefined;
  query: Record<string, string | undefined> | undefined;
}

/**
 * `GET /v1/tenants/{tenantId}/investigations`: the token is checked before anything is
 * parsed or read, and every read is keyed by the path's tenant, so a token of tenant A
 * never reads tenant B and an unknown tenant looks exactly like a wrong token.
 */
export function handleList(request: ListRequest, deps: ReadDeps): Promise<ReadResponse<InvestigationList>> {
  return answer(async () => {
    await authenticateApiToken(request.tenantId, bearerToken(request.authorization), deps);
    return listInvestigations(request.tenantId, parseListQuery(request.query), deps);
  });
}

export interface GetRequest {
  tenantId: string;
  investigationId: string;
  authorization: string | undefined;
}

/** `GET /v1/tenants/{tenantId}/investigations/{investigationId}`: the record and its audit trail. */
export function handleGet(request: GetRequest, deps: ReadDeps): Promise<ReadResponse<InvestigationDetail>> {
  return answer(async () => {
    await authenticateApiToken(request.tenantId, bearerToken(request.authorization), deps);
    return getInvestigation(request.tenantId, request.investigationId, deps);
  });
}

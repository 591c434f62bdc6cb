import { resolve } from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { z } from 'zod';
import type { InvestigationDetail, InvestigationList, InvestigationSummary } from '../functions/read-api/core.js';
import { startLocalStack } from '../local/stack.js';
import { SecretStore } from '../local/secret-store.js';
import { formatRecord } from './print.js';

export interface ReadOptions {
  tenant: string;
  /** A deployed stack: the API URL from `--url`, CAUSEWAY_API_URL or the stack's ApiUrl output; the token is required. */
  aws: boolean;
  stack: string;
  region?: string;
  url?: string;
  token?: string;
  json: boolean;
}

export interface ListOptions extends ReadOptions {
  service?: string;
  status?: string;
  since?: string;
  limit?: string;
  cursor?: string;
}

const DATA_DIR = resolve('.causeway');
const RELATIVE = /^(\d+)([mhd])$/;

/** `--since` as the API takes it: an ISO time as is, or `30m`, `6h`, `7d` back from now. */
export function sinceParameter(since: string | undefined, now = Date.now()): string | undefined {
  if (!since) return undefined;
  const relative = RELATIVE.exec(since);
  if (!relative) return since;
  const unit = { m: 60e3, h: 3600e3, d: 86400e3 }[relative[2] as 'm' | 'h' | 'd'];
  return new Date(now - Number(relative[1]) * unit).toISOString();
}

/** The tenant's API token from the local secret store: the demo's, or any tenant put with `causeway tenant put`. */
function localToken(tenant: string): string | undefined {
  const secret = new SecretStore(resolve(DATA_DIR, 'secrets.json')).get(`causeway/tenants/${tenant}/webhooks`);
  const parsed = z.object({ api: z.object({ token: z.string() }) }).safeParse(secret ? JSON.parse(secret) : undefined);
  return parsed.success ? parsed.data.api.token : undefined;
}

async function deployedUrl(options: ReadOptions): Promise<string> {
  const given = options.url ?? process.env.CAUSEWAY_API_URL;
  if (given) return given;
  const described = await new CloudFormationClient({ region: options.region }).send(new DescribeStacksCommand({ StackName: options.stack }));
  const url = described.Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'ApiUrl')?.OutputValue;
  if (!url) throw new Error(`stack ${options.stack} has no ApiUrl output; pass --url or set CAUSEWAY_API_URL`);
  return url;
}

/**
 * Calls the read API where the options point: a deployed stack (`--aws`), a given
 * `--url`, or the local one — the running `npm start` on CAUSEWAY_PORT, or, when nothing
 * listens there, a local stack started on `.causeway/` for this one request.
 */
async function readApi<T>(path: string, options: ReadOptions): Promise<T> {
  const token = options.token ?? process.env.CAUSEWAY_API_TOKEN ?? (options.aws ? undefined : localToken(options.tenant));
  if (!token) throw new Error(`give the tenant API token with --token or CAUSEWAY_API_TOKEN${options.aws ? '' : ` (tenant ${options.tenant} has none in ${DATA_DIR})`}`);
  const call = async (base: string): Promise<T> => {
    const response = await fetch(`${base.replace(/\/$/, '')}/v1/tenants/${encodeURIComponent(options.tenant)}/investigations${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    if (!response.ok) throw new Error(`${response.status}: ${body.error ?? 'the read API refused the request'}`);
    return body as T;
  };
  if (options.aws || options.url || process.env.CAUSEWAY_API_URL) return call(options.aws ? await deployedUrl(options) : (options.url ?? process.env.CAUSEWAY_API_URL)!);
  const running = `http://127.0.0.1:${process.env.CAUSEWAY_PORT ?? 4010}`;
  try {
    return await call(running);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNREFUSED') throw error;
  }
  const stack = await startLocalStack({ dataDir: DATA_DIR });
  try {
    return await call(stack.apiUrl);
  } finally {
    await stack.stop();
  }
}

function pad(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** One line per investigation, newest first, as an on-call engineer scans them. */
export function formatList(list: InvestigationList, command: string): string {
  const row = (i: InvestigationSummary) =>
    [pad(i.createdAt.replace('T', ' ').slice(0, 16) + 'Z', 18), pad((i.status ?? '?').replace(/_/g, ' '), 18), pad(i.alert?.service ?? '—', 16), pad(i.rootCause ? `${i.rootCause.service} ${i.rootCause.kind.replace(/_/g, ' ')}` : '—', 30), pad(i.rootCause ? `${Math.round(i.rootCause.confidence * 100)}%` : '—', 5), i.investigationId].join(' ');
  const lines = list.investigations.length ? [['CREATED'.padEnd(18), 'STATUS'.padEnd(18), 'SERVICE'.padEnd(16), 'ROOT CAUSE'.padEnd(30), 'CONF'.padEnd(5), 'ID'].join(' '), ...list.investigations.map(row)] : ['No investigations match.'];
  if (list.nextCursor) lines.push('', `Older: ${command} --cursor ${list.nextCursor}`);
  return lines.join('\n');
}

/** `causeway list`: the tenant's investigations, newest first, filtered. */
export async function listCommand(options: ListOptions, out: (text: string) => void): Promise<number> {
  const params = new URLSearchParams();
  const query = { service: options.service, status: options.status, since: sinceParameter(options.since), limit: options.limit, cursor: options.cursor };
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const list = await readApi<InvestigationList>(params.size ? `?${params}` : '', options);
  if (options.json) out(JSON.stringify(list, null, 2));
  else {
    const again = ['causeway list', ...(['service', 'status', 'since', 'limit'] as const).flatMap((k) => (options[k] ? [`--${k} ${options[k]}`] : [])), ...(options.aws ? ['--aws'] : [])].join(' ');
    out(formatList(list, again));
  }
  return 0;
}

/** `causeway show ID`: the RCA as `npm start` prints it, then the audit trail; `--json` prints the record and trail as the API returns them. */
export async function showCommand(investigationId: string, options: ReadOptions, out: (text: string) => void): Promise<number> {
  const detail = await readApi<InvestigationDetail>(`/${encodeURIComponent(investigationId)}`, options);
  if (options.json) {
    out(JSON.stringify(detail, null, 2));
    return 0;
  }
  out(formatRecord(detail.investigation));
  if (detail.audit.length) out(`Audit trail:\n${detail.audit.map((e) => `  ${e.at}  ${e.type.padEnd(24)} ${e.actor}`).join('\n')}`);
  return 0;
}

import { resolve } from 'node:path';
import { z } from 'zod';
import { FollowUpQuestion } from '../functions/contracts/index.js';
import { startLocalStack } from '../local/stack.js';
import { getTenant } from '../local/tenants.js';

export interface AskOptions {
  tenant: string;
  /** A deployed (or running local) API; without it, the local data in .causeway/ is used. */
  url?: string;
  token?: string;
}

const Answer = z.object({ question: FollowUpQuestion });

/** The answer as an SRE reads it: the text, what it cites, and anything to be wary of. */
export function formatAnswer(q: FollowUpQuestion): string {
  const lines = [q.answer];
  lines.push(q.evidenceIds.length > 0 ? `Evidence   ${q.evidenceIds.join(', ')}` : 'Evidence   none cited — treat this answer as unverified');
  lines.push(`Answered   by ${q.author}${q.model ? ` (${q.model}, prompt ${q.promptVersion})` : ''}${q.usage ? `, ${q.usage.promptTokens}+${q.usage.completionTokens} tokens, ${q.usage.latencyMs} ms` : ''}`);
  for (const caveat of q.caveats) lines.push(`Caveat     ${caveat}`);
  return lines.join('\n');
}

async function post(apiUrl: string, tenant: string, investigationId: string, token: string, question: string): Promise<FollowUpQuestion> {
  const url = `${apiUrl.replace(/\/$/, '')}/v1/tenants/${encodeURIComponent(tenant)}/investigations/${encodeURIComponent(investigationId)}/questions`;
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ question }) });
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new Error(`${response.status}: ${body.error ?? 'the questions route refused the request'}`);
  return Answer.parse(body).question;
}

/** The tenant's API token from its webhook secret in the local store, so the local route is called exactly like the deployed one. */
function localToken(secret: string | undefined): string | undefined {
  const parsed = z.object({ api: z.object({ token: z.string() }) }).safeParse(secret ? JSON.parse(secret) : undefined);
  return parsed.success ? parsed.data.api.token : undefined;
}

/**
 * `causeway ask INVESTIGATION "…"`: a follow-up question answered from the investigation's
 * persisted evidence and appended to its record, through the same HTTP route a deployed
 * stack serves (`--url` and `--token`, or CAUSEWAY_API_URL and CAUSEWAY_API_TOKEN);
 * without a URL, through the local stack on the data in .causeway/.
 */
export async function askCommand(investigationId: string, question: string, options: AskOptions, out: (text: string) => void): Promise<number> {
  const url = options.url ?? process.env.CAUSEWAY_API_URL;
  if (url) {
    const token = options.token ?? process.env.CAUSEWAY_API_TOKEN;
    if (!token) throw new Error('give the tenant API token with --token or CAUSEWAY_API_TOKEN');
    out(formatAnswer(await post(url, options.tenant, investigationId, token, question)));
    return 0;
  }
  const dataDir = resolve('.causeway');
  const stack = await startLocalStack({ dataDir }).catch((error: Error) => {
    throw new Error(/lock/i.test(error.message) ? `the local data in ${dataDir} is in use: pass --url ${'<the running API>'} --token …, or stop \`npm start\`` : error.message);
  });
  try {
    const tenant = await getTenant(stack, options.tenant);
    const token = localToken(tenant?.webhookSecretRef ? stack.secrets.get(tenant.webhookSecretRef) : undefined);
    if (!token) throw new Error(`tenant ${options.tenant} has no API token: add "api": { "token": "…" } to its webhook secret (causeway tenant put)`);
    out(formatAnswer(await post(stack.apiUrl, options.tenant, investigationId, token, question)));
    return 0;
  } finally {
    await stack.stop();
  }
}

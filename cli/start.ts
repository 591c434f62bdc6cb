import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRecord } from '../functions/shared/records.js';
import { readAudit } from '../functions/shared/audit.js';
import { startLocalOidcIssuer } from '../local/oidc-issuer.js';
import { mintLoginCode } from '../functions/explorer/login-codes.js';
import { investigationPath } from '../functions/explorer/layout.js';
import { startLocalStack } from '../local/stack.js';
import { DEMO_SCENARIO, DEMO_TENANT, registerDemoTenant, scenarioAtNow } from './demo.js';
import { formatRecord } from './print.js';
import { loadScenarioFile } from './scenario-run.js';

const DATA_DIR = resolve('.causeway');

async function post(url: string, token: string, body: unknown): Promise<{ status: number; body: { signals?: { investigationId?: string; status: string }[]; error?: string } }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'user-agent': 'Alertmanager/0.27.0' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as never };
}

const DEV_IDP_SECRET = `causeway/tenants/${DEMO_TENANT}/oidc-client`;

/**
 * `npm start`: the local stack with the demo. The demo alert goes through the real
 * webhook route (bearer auth, normalizer, dedup, StartExecution); the approval link, after
 * a sign-in through the local development identity provider, resumes the execution; it
 * keeps serving until Ctrl-C.
 */
export async function start(out: (text: string) => void): Promise<number> {
  const port = Number(process.env.CAUSEWAY_PORT ?? 4010);
  const stack = await startLocalStack({ dataDir: DATA_DIR, port });
  // Local development only: it signs in whoever is typed, so it is never part of the deployed stack.
  const idp = await startLocalOidcIssuer({ clientId: 'causeway-demo' });
  stack.secrets.put(DEV_IDP_SECRET, JSON.stringify({ clientSecret: idp.clientSecret }));
  out(`Causeway is running locally.\n  API        ${stack.apiUrl}\n  Data       ${DATA_DIR} (DynamoDB via dynalite, local secrets)\n  Sign-in    ${idp.issuer} (local development identity provider: signs in whoever you type; never deployed)\n`);
  const scenario = scenarioAtNow(loadScenarioFile(fileURLToPath(DEMO_SCENARIO)));
  const identity = { issuer: idp.issuer, clientId: idp.clientId, clientSecretRef: DEV_IDP_SECRET, scopes: ['openid', 'email', 'profile'], displayName: 'the local development provider' };
  const { bearerToken, apiToken } = await registerDemoTenant(stack, scenario, DATA_DIR, identity);
  const url = `${stack.apiUrl}/v1/tenants/${DEMO_TENANT}/signals/alertmanager`;
  const body = scenario.signal.body as { status: string; alerts: { status: string }[] };
  await post(url, bearerToken, { ...body, status: 'resolved', alerts: body.alerts.map((a) => ({ ...a, status: 'resolved' })) });
  const sent = await post(url, bearerToken, body);
  const investigationId = sent.body.signals?.find((s) => s.status === 'started')?.investigationId;
  out(`Sent the demo alert (${scenario.name}) to POST ${url} → ${sent.status}`);
  if (!investigationId) {
    out(`No investigation started: ${JSON.stringify(sent.body)}`);
    await stack.stop();
    await idp.stop();
    return 1;
  }
  await stack.sfn.settled(investigationId);
  const record = await readRecord(stack.tableName, DEMO_TENANT, investigationId, stack.db);
  const message = stack.slackMessages.find((m) => record?.approval && JSON.stringify(m.body).includes(record.approval.approvalId));
  const buttons = ((message?.body.blocks ?? []) as { type: string; elements?: { url?: string; style?: string }[] }[]).find((b) => b.type === 'actions')?.elements ?? [];
  out('');
  out(record ? formatRecord(record, { approve: buttons.find((b) => b.style === 'primary')?.url, reject: buttons.find((b) => b.style === 'danger')?.url }) : 'No record was written.');
  // A single-use, short-lived code: the URL opens the investigation once, then the browser holds a session cookie.
  const code = await mintLoginCode(stack.tableName, { tenantId: DEMO_TENANT, next: investigationPath(DEMO_TENANT, investigationId), by: { issuer: 'causeway:local', subject: 'npm-start', name: 'local operator' } }, stack.db);
  out(`Explorer   ${stack.apiUrl}/explorer/tenants/${DEMO_TENANT}/login?code=${code}`);
  out(`           (opens this investigation; the link works once, for 5 minutes; then sign in at ${stack.apiUrl}/explorer with the API token below)`);
  out('');
  out(`Ask a follow-up question, answered from this investigation's evidence:\n  npx causeway ask ${investigationId} "what changed before the errors?" --url ${stack.apiUrl} --token ${apiToken}\n`);
  const execution = stack.sfn.listExecutions().find((e) => e.name === investigationId)!;
  if (execution.status === 'RUNNING') {
    out('Open the Approve link in a browser, sign in with the local development provider (any email; a real tenant connects its own provider, see the README\'s Security section) and confirm: the execution resumes and the remediation runs (dry-run). Ctrl-C stops the stack.');
    void execution.done.then(async () => {
      const final = await readRecord(stack.tableName, DEMO_TENANT, investigationId, stack.db);
      const audit = await readAudit(stack.tableName, DEMO_TENANT, investigationId, stack.db);
      out(`\nInvestigation ${investigationId} finished: ${final?.status}.`);
      if (final?.remediation) out(`Remediation ${final.remediation.status}: ${final.remediation.summary}\n  ${final.remediation.changes.join('\n  ')}`);
      out(`Audit trail:\n${audit.map((e) => `  ${e.at}  ${e.type.padEnd(24)} ${e.actor}`).join('\n')}`);
    });
  }
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  out('\nStopping.');
  await stack.stop();
  await idp.stop();
  return 0;
}

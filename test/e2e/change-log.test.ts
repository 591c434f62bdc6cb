import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureScenarioTenant, runScenario } from '../../cli/scenario-run.js';
import { startLocalStack, type LocalStack } from '../../local/stack.js';
import { putTenant } from '../../local/tenants.js';

/*
 * The change log end to end: a pipeline posts its deploys through the real HTTP route, the
 * changelog provider reads them back, and an investigation attributes the incident to the
 * posted deploy. The scenario keeps serving metrics, logs and traces, but its own changes are
 * removed, so the deploy can only come from the change log. The scenario is moved to the
 * present (every absolute time shifted by the same amount), since the log keeps 90 days.
 */

const SCENARIO = fileURLToPath(new URL('../../scenarios/shop-storefront-checkout-5xx.json', import.meta.url));
const SECRET = 'demo-change-log-secret-0123456789';
const MINUTE = 60_000;

let stack: LocalStack;
let dir: string;
let file: string;
let atMs: number;
const posted: Record<string, unknown>[] = [];

interface ScenarioFile {
  at: string;
  evidence: { changes?: { at: string; service: string; kind: string; summary: string; version?: string; previousVersion?: string; author?: string; commit?: string }[] };
}

/** The scenario moved so its alert fired `agoMs` ago: every 2026 ISO time in it shifts by the same delta; relative times follow `at`. */
function shifted(text: string, agoMs: number): { json: ScenarioFile; atMs: number } {
  const original = (JSON.parse(text) as ScenarioFile).at;
  const target = Math.floor((Date.now() - agoMs) / MINUTE) * MINUTE;
  const delta = target - Date.parse(original);
  const moved = text.replace(/"(2026-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)"/g, (_, iso: string) => JSON.stringify(new Date(Date.parse(iso) + delta).toISOString()));
  return { json: JSON.parse(moved) as ScenarioFile, atMs: target };
}

function postChange(body: unknown, tenant = 'demo', secret = SECRET) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex');
  return fetch(`${stack.apiUrl}/v1/tenants/${tenant}/changes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-causeway-timestamp': timestamp, 'x-causeway-signature': `v1=${signature}` },
    body: raw,
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
}

beforeAll(async () => {
  const { json, atMs: at } = shifted(await readFile(SCENARIO, 'utf8'), 30 * MINUTE);
  atMs = at;
  dir = await mkdtemp(join(tmpdir(), 'causeway-change-log-'));
  file = join(dir, 'shop-storefront-checkout-5xx.json');
  stack = await startLocalStack({ retryIntervalMs: 5 });
  stack.secrets.put('causeway/tenants/demo/webhooks', JSON.stringify({ changes: { hmacSecret: SECRET } }));
  const tenant = await ensureScenarioTenant(stack, 'demo');
  await putTenant(stack, { ...tenant, webhookSecretRef: 'causeway/tenants/demo/webhooks', backends: [{ id: 'changelog', type: 'changelog', classes: ['changes'], options: {} }] });
  // The pipeline's deploys, exactly as the scenario recorded them, go through the route instead.
  for (const change of json.evidence.changes ?? []) {
    const at = new Date(atMs + Number(/^-(\d+)m$/.exec(change.at)![1]) * -MINUTE).toISOString();
    const body = { ...change, at, id: `deploy-${change.service}-${change.version}`, source: 'deploy-pipeline', link: `https://ci.example.com/deploys/${change.service}/${change.version}` };
    const response = await postChange(body);
    expect(response, JSON.stringify(response.body)).toMatchObject({ status: 201, body: { service: change.service, kind: 'deployment', at } });
    posted.push(body);
  }
  await writeFile(file, JSON.stringify({ ...json, evidence: { ...json.evidence, changes: undefined } }));
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a deploy posted to the change log', () => {
  it('is stored once: the same change again is an idempotent 200, another change under its id a 409', async () => {
    const pricing = posted.find((b) => b.service === 'pricing')!;
    expect(await postChange(pricing)).toMatchObject({ status: 200, body: { id: 'deploy-pricing-v3.12.0', duplicate: true } });
    expect(await postChange({ ...pricing, summary: 'something else' })).toMatchObject({ status: 409, body: { id: 'deploy-pricing-v3.12.0' } });
  });

  it('is refused for another tenant, signed with this tenant\'s secret', async () => {
    await putTenant(stack, { tenantId: 'other', webhookSecretRef: 'causeway/tenants/other/webhooks' });
    stack.secrets.put('causeway/tenants/other/webhooks', JSON.stringify({ changes: { hmacSecret: 'other-change-log-secret-0123456789' } }));
    const crossTenant = await postChange({ service: 'pricing', kind: 'deployment', summary: 'pricing v9' }, 'other');
    expect(crossTenant).toEqual({ status: 401, body: { error: 'unauthorized' } });
  });

  it('is cited by the investigation as the root cause, read from the change log and not the scenario', async () => {
    const run = await runScenario(stack, file);
    const scored = run.record.scored!;
    const changelog = scored.providers.find((p) => p.backend.type === 'changelog');
    expect(changelog, JSON.stringify(scored.providers.map((p) => [p.planId, p.status]))).toMatchObject({ status: 'success', evidenceClass: 'changes', backend: { id: 'changelog' } });
    expect(scored.providers.find((p) => p.backend.type === 'scenario' && p.evidenceClass === 'changes')).toMatchObject({ status: 'no_data' });
    const deploy = scored.evidence.find((e) => e.class === 'changes' && e.service === 'pricing');
    expect(deploy, JSON.stringify(scored.evidence.filter((e) => e.class === 'changes'))).toMatchObject({ kind: 'deployment', version: 'v3.12.0', source: 'deploy-pipeline', link: 'https://ci.example.com/deploys/pricing/v3.12.0' });
    expect(deploy!.id).toMatch(/^CHANGE_\d+$/);
    expect(scored.suspects[0]).toMatchObject({ service: 'pricing', kind: 'deployment' });
    expect(scored.suspects[0]!.evidenceIds).toContain(deploy!.id);
    const rca = run.record.rca!;
    expect(rca.rootCause).toMatchObject({ service: 'pricing', kind: 'deployment' });
    const cited = [rca.summary, rca.rootCause.statement, ...rca.causalChain].flatMap((s) => s.evidenceIds);
    expect(cited).toContain(deploy!.id);
  }, 60_000);
});

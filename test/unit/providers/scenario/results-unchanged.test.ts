import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EvidencePlan, type EvidenceClass } from '../../../../functions/contracts/index.js';
import { scenarioProvider } from '../../../../functions/providers/scenario/provider.js';

/*
 * What the scenario provider returns for every suite scenario and every class, as a hash
 * per answer, recorded before the provider held its logs in columns: how the file is held
 * in memory must not change a single item it answers with.
 */

const DIR = fileURLToPath(new URL('../../../../scenarios/', import.meta.url));
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.json')).sort();
const CLASSES: EvidenceClass[] = ['metrics', 'logs', 'traces', 'changes', 'runtime', 'exceptions', 'alerts'];
const deps = { signal: new AbortController().signal, readSecret: async () => ({}) };

function plan(file: string, evidenceClass: EvidenceClass, services: string[]): EvidencePlan {
  const at = Date.parse((JSON.parse(readFileSync(file, 'utf8')) as { at: string }).at);
  return EvidencePlan.parse({
    planId: `scenario-${evidenceClass}`,
    tenantId: 'demo',
    investigationId: 'inv-1',
    evidenceClass,
    backend: { id: 'scenario', type: 'scenario', classes: [evidenceClass], options: { file } },
    functionArn: 'arn',
    window: { from: new Date(at - 3600_000).toISOString(), to: new Date(at + 300_000).toISOString() },
    alertAt: new Date(at).toISOString(),
    services,
    correlation: {},
    limits: { maxBytes: 32 * 1024 },
  });
}

async function answers(name: string): Promise<Record<string, string>> {
  const file = `${DIR}${name}`;
  const out: Record<string, string> = {};
  const firstService = (JSON.parse(readFileSync(file, 'utf8')) as { evidence?: { logs?: { service: string }[] } }).evidence?.logs?.[0]?.service;
  for (const evidenceClass of CLASSES) {
    for (const services of [[], firstService ? [firstService] : []]) {
      const found = await scenarioProvider.query(plan(file, evidenceClass, services), deps);
      // The file's path is where the checkout is, not what the provider answered.
      const answer = JSON.stringify(found).replaceAll(DIR, 'scenarios/');
      out[`${evidenceClass}${services.length ? `:${services[0]}` : ''}`] = createHash('sha256').update(answer).digest('hex').slice(0, 16);
    }
  }
  return out;
}

describe('the scenario provider answers the suite scenarios as it did', () => {
  it.each(FILES)('%s', async (name) => {
    expect(await answers(name)).toMatchSnapshot();
  });
});

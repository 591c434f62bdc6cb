import { readFile } from 'node:fs/promises';
import { BackendConfig, EvidenceClass, Scenario, type EvidencePlan, type IncidentSignal, type ProviderResult, type Rca, type ScoredEvidence } from '../../functions/contracts/index.js';
import { getSourceAdapter } from '../../functions/ingest/sources/index.js';
import { buildPlans } from '../../functions/load-tenant/plans.js';
import { runProvider } from '../../functions/providers/handler-factory.js';
import { scenarioProvider } from '../../functions/providers/scenario/provider.js';
import { writeDeterministicRca } from '../../functions/reason/deterministic.js';
import { scoreInvestigation } from '../../functions/score/core/index.js';

export interface DirectReplay {
  scenario: Scenario;
  signal: IncidentSignal;
  plans: EvidencePlan[];
  results: ProviderResult[];
  scored: ScoredEvidence;
  rca: Rca;
  ms: number;
}

/** The plans LoadTenant makes for a scenario backend, from the same builder: same window, services and byte budgets. */
export function scenarioPlans(file: string, signal: IncidentSignal, topology: Record<string, string[]>): EvidencePlan[] {
  const backend = BackendConfig.parse({ id: 'scenario', type: 'scenario', classes: [...EvidenceClass.options], options: { file } });
  return buildPlans({ tenantId: signal.tenantId, investigationId: 'direct-replay', signal, backends: [backend], topology, providerFunctions: { scenario: 'in-process' } }).plans;
}

/**
 * Replays a scenario in-process, without the state machine: the ingest normalizer makes
 * the signal, the scenario provider answers every plan, the scorer and the
 * deterministic writer do the rest.
 */
export interface ReplayOptions {
  /** Replace a plan's result (e.g. a provider that fails). */
  override?: (plan: EvidencePlan) => ProviderResult | undefined;
  /** Query every service, as when the alert names a service the topology does not know. */
  allServices?: boolean;
}

/** What the providers returned for a scenario: everything the scorer reads, which no weight changes. */
export interface ReplayedEvidence {
  scenario: Scenario;
  signal: IncidentSignal;
  topology: Record<string, string[]>;
  plans: EvidencePlan[];
  results: ProviderResult[];
}

/** Normalizes a scenario's alert and answers every plan from the scenario provider, without scoring. */
export async function replayEvidence(file: string, options: ReplayOptions = {}): Promise<ReplayedEvidence> {
  const { override, allServices = false } = options;
  const scenario = Scenario.parse(JSON.parse(await readFile(file, 'utf8')));
  const signals = getSourceAdapter(scenario.signal.source).normalize(scenario.signal.body, { tenantId: scenario.tenant, receivedAt: new Date(scenario.at), catalog: {} });
  const signal = signals.find((s) => s.status === 'firing') ?? signals[0];
  if (!signal) throw new Error(`${file}: the scenario signal holds no alert`);
  const topology = scenario.topology ?? {};
  const plans = scenarioPlans(file, signal, topology).map((p) => (allServices ? { ...p, services: [] } : p));
  const results = await Promise.all(plans.map(async (plan) => override?.(plan) ?? runProvider(scenarioProvider, plan)));
  return { scenario, signal, topology, plans, results };
}

export async function replayDirect(file: string, options: ReplayOptions = {}): Promise<DirectReplay> {
  const started = performance.now();
  const { scenario, signal, topology, plans, results } = await replayEvidence(file, options);
  const scored = scoreInvestigation({ signal, topology, results });
  const rca = writeDeterministicRca({ signal, scored });
  return { scenario, signal, plans, results, scored, rca, ms: performance.now() - started };
}

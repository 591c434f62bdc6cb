import { readFile, stat } from 'node:fs/promises';
import { resolveScenarioTime, Scenario, type ScenarioEvidence } from '../../contracts/index.js';
import { ConfigurationError, fromZodError } from '../../shared/errors.js';

/** A scenario's evidence with every time resolved to epoch ms, ready to filter by window. */
export interface LoadedScenario {
  name: string;
  atMs: number;
  evidence: ScenarioEvidence;
  /** `time(value)` resolves a scenario time (ISO or offset from `at`). */
  time: (value: string) => number;
}

const cache = new Map<string, { mtimeMs: number; size: number; scenario: LoadedScenario }>();

/**
 * Reads and validates a scenario file, cached by path and modification time so a warm
 * Lambda or a long eval run parses each file once, yet an edited file is re-read.
 */
export async function loadScenario(path: string): Promise<LoadedScenario> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new ConfigurationError(`scenario file not readable: ${path}`, { cause: error });
  }
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.scenario;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`scenario file is not valid JSON: ${path}`, { cause: error });
  }
  const parsed = Scenario.safeParse(json);
  if (!parsed.success) throw fromZodError(parsed.error, 'scenario');
  const atMs = Date.parse(parsed.data.at);
  const memo = new Map<string, number>();
  const time = (value: string) => {
    let ms = memo.get(value);
    if (ms === undefined) memo.set(value, (ms = resolveScenarioTime(value, atMs)));
    return ms;
  };
  const scenario: LoadedScenario = { name: parsed.data.name, atMs, evidence: parsed.data.evidence, time };
  cache.set(path, { mtimeMs: info.mtimeMs, size: info.size, scenario });
  return scenario;
}

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

/** Files kept parsed: the plans of one investigation all read one file; an eval reads its files one after another. */
const CACHED_FILES = 8;
const cache = new Map<string, { mtimeMs: number; size: number; scenario: Promise<LoadedScenario> }>();

async function parseScenario(path: string): Promise<LoadedScenario> {
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
  return { name: parsed.data.name, atMs, evidence: parsed.data.evidence, time };
}

/**
 * Reads and validates a scenario file, cached by path and modification time so a warm
 * Lambda or a long eval run parses each file once, yet an edited file is re-read. The
 * cache holds the load itself, so the plans of one investigation, which all query at
 * once, share one parse of the file instead of each parsing it (a 1M-line file is several
 * hundred MB parsed); a failed load is forgotten, so the next call tries again.
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
  const scenario = parseScenario(path);
  cache.delete(path);
  cache.set(path, { mtimeMs: info.mtimeMs, size: info.size, scenario });
  while (cache.size > CACHED_FILES) cache.delete(cache.keys().next().value!);
  scenario.catch(() => {
    if (cache.get(path)?.scenario === scenario) cache.delete(path);
  });
  return scenario;
}

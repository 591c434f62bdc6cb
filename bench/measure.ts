import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Runs one bench module in this (fresh) process for bench/run.ts, and prints its figures as
 * one JSON line `{"bench": <file name>, …figures}`. A module exports `measure()` (or a
 * default function, or a single exported function) that returns its figures as a JSON
 * object; a module that exports none prints its own `{"bench": …}` lines as it is imported.
 */
const file = resolve(process.argv[2] ?? '');
// The bench reads its own arguments (pipeline.ts: scenario paths); run from here it has none.
process.argv.length = 2;
const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
const functions = Object.values(module).filter((value): value is () => unknown => typeof value === 'function');
const measure = module.measure ?? (typeof module.default === 'function' ? module.default : functions.length === 1 ? functions[0] : undefined);
if (typeof measure === 'function') {
  const figures = (await (measure as () => Promise<unknown>)()) as Record<string, unknown>;
  console.log(JSON.stringify({ bench: basename(file, '.ts'), ...figures }));
}

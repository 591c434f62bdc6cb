import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root, found from this file rather than the working directory, so the
 * stack synthesizes the same from `cdk synth`, from vitest and from any other folder.
 */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The one investigation definition; the local runtime loads this same file. */
export const INVESTIGATION_ASL = join(REPO_ROOT, 'state-machines', 'investigation.asl.json');

/** The evidence workflow (Express) the investigation starts and awaits; the local runtime loads this same file too. */
export const EVIDENCE_ASL = join(REPO_ROOT, 'state-machines', 'evidence.asl.json');

/** The handler module of a function folder under `functions/` (e.g. `ingest`, `providers/scenario`). */
export function handlerEntry(folder: string): string {
  return join(REPO_ROOT, 'functions', folder, 'handler.ts');
}

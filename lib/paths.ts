import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding `lib/`, `functions/` and `state-machines/`, found from this file rather
 * than the working directory, so the construct synthesizes the same from `cdk synth`, from
 * vitest and from any other folder. In a checkout it is the repository root; in the
 * installed package it is `dist/`, which the package build lays out the same way.
 */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The one investigation definition; the local runtime loads this same file. */
export const INVESTIGATION_ASL = join(REPO_ROOT, 'state-machines', 'investigation.asl.json');

/** The evidence workflow (Express) the investigation starts and awaits; the local runtime loads this same file too. */
export const EVIDENCE_ASL = join(REPO_ROOT, 'state-machines', 'evidence.asl.json');

/** The handler module of a function folder under `functions/` (e.g. `ingest`, `providers/scenario`); only a checkout has it. */
export function handlerEntry(folder: string): string {
  return join(REPO_ROOT, 'functions', folder, 'handler.ts');
}

/** Where the package build writes each function's bundle (`lambda/<folder>/index.mjs`), which the package ships instead of the sources. */
export const PREBUILT_LAMBDA_DIR = join(REPO_ROOT, 'lambda');

/** The folder holding one function's prebuilt bundle. */
export function prebuiltBundleDir(folder: string): string {
  return join(PREBUILT_LAMBDA_DIR, folder);
}

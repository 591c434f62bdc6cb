import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUNDLING_TARGET } from '../lib/function.js';

const FUNCTIONS = fileURLToPath(new URL('../functions/', import.meta.url));

/** The banner lib/function.ts gives every bundle: ESM output has no `require`, and some CommonJS dependencies call it. */
const BANNER = "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

/** Every Lambda the stack deploys, by folder under `functions/` (`ingest`, `providers/scenario`), sorted. */
export function lambdaFolders(): string[] {
  const folders: string[] = [];
  for (const dir of readdirSync(FUNCTIONS)) if (existsSync(`${FUNCTIONS}${dir}/handler.ts`)) folders.push(dir);
  for (const type of readdirSync(`${FUNCTIONS}providers`)) if (existsSync(`${FUNCTIONS}providers/${type}/handler.ts`)) folders.push(`providers/${type}`);
  return folders.sort();
}

/**
 * One Lambda bundled with the esbuild options NodejsFunction passes for lib/function.ts
 * (ESM, the runtime's Node target, `module` before `main`, minified, the `require` banner,
 * the SDK left to the runtime, no source maps: the default deployment). Written to
 * `outfile` when given, else returned in memory.
 */
export async function bundleLambda(folder: string, outfile?: string): Promise<Uint8Array> {
  const out = await build({
    entryPoints: [`${FUNCTIONS}${folder}/handler.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLING_TARGET,
    mainFields: ['module', 'main'],
    banner: { js: BANNER },
    minify: true,
    external: ['@aws-sdk/*'],
    logLevel: 'silent',
    write: false,
    ...(outfile ? { outfile } : {}),
  });
  return out.outputFiles[0]!.contents;
}

import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { build } from 'esbuild';
import { Causeway } from '../lib/causeway.js';
import { BUNDLE_FILE, BUNDLING, CausewayFunction } from '../lib/function.js';
import { EVIDENCE_ASL, handlerEntry, INVESTIGATION_ASL, REPO_ROOT } from '../lib/paths.js';

/*
 * The package build's second half (after `tsc -p tsconfig.build.json`): bundles every
 * function the construct deploys into `dist/lambda/<folder>/index.mjs`, with the same
 * esbuild options NodejsFunction uses in a checkout, and puts the investigation definition
 * beside the compiled lib, so `dist/` is laid out like the repository and the installed
 * construct deploys exactly these files, with no esbuild and no sources at the user's synth.
 */

const DIST = join(REPO_ROOT, 'dist');
const LAMBDA_OUT = join(DIST, 'lambda');

/** The folders of the functions the construct deploys, found by building it (bundling skipped), so the list is never kept twice. */
function deployedFolders(): string[] {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const causeway = new Causeway(new Stack(app, 'Bundle'), 'Causeway');
  return causeway.node
    .findAll()
    .filter((construct): construct is CausewayFunction => construct instanceof CausewayFunction)
    .map((fn) => fn.folder)
    .sort();
}

const folders = deployedFolders();
rmSync(LAMBDA_OUT, { recursive: true, force: true });
const result = await build({
  entryPoints: Object.fromEntries(folders.map((folder) => [join(folder, BUNDLE_FILE.replace(/\.mjs$/, '')), handlerEntry(folder)])),
  outdir: LAMBDA_OUT,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: BUNDLING.format,
  target: BUNDLING.target,
  mainFields: [...BUNDLING.mainFields],
  banner: { js: BUNDLING.banner },
  external: [...BUNDLING.external],
  minify: BUNDLING.minify,
  // No source maps: they would double the package (4 MB to 9 MB) for a setting off by default.
  sourcemap: false,
  metafile: true,
  logLevel: 'error',
});
for (const definition of [INVESTIGATION_ASL, EVIDENCE_ASL]) {
  const copy = join(DIST, relative(REPO_ROOT, definition));
  mkdirSync(dirname(copy), { recursive: true });
  copyFileSync(definition, copy);
}

const bytes = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.mjs')).reduce((sum, [, out]) => sum + out.bytes, 0);
process.stderr.write(`bundled ${folders.length} functions into ${relative(REPO_ROOT, LAMBDA_OUT)} (${(bytes / 1024 / 1024).toFixed(1)} MiB of code)\n`);

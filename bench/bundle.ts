import { build } from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUNDLING_TARGET } from '../lib/function.js';

/** Each Lambda bundled the way CDK bundles it (ESM, the runtime's Node target, minified, SDK external), in KiB. */
const root = fileURLToPath(new URL('../functions/', import.meta.url));
const entries: string[] = [];
for (const dir of readdirSync(root)) {
  if (existsSync(`${root}${dir}/handler.ts`)) entries.push(`${dir}/handler.ts`);
}
for (const type of readdirSync(`${root}providers`)) {
  if (existsSync(`${root}providers/${type}/handler.ts`)) entries.push(`providers/${type}/handler.ts`);
}
const sizes: Record<string, number> = {};
for (const entry of entries.sort()) {
  const out = await build({ entryPoints: [root + entry], bundle: true, platform: 'node', format: 'esm', target: BUNDLING_TARGET, minify: true, write: false, external: ['@aws-sdk/*'], logLevel: 'silent' });
  sizes[entry.replace('/handler.ts', '')] = Math.round(out.outputFiles[0]!.contents.byteLength / 102.4) / 10;
}
console.log(JSON.stringify({ bench: 'bundle', kib: sizes }));

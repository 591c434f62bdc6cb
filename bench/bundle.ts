import { bundleLambda, lambdaFolders } from './lambda-bundles.js';

/** Each Lambda bundled the way the stack bundles it (bench/lambda-bundles.ts), in KiB. */
export async function measure(): Promise<{ kib: Record<string, number> }> {
  const kib: Record<string, number> = {};
  for (const folder of lambdaFolders()) kib[folder] = Math.round((await bundleLambda(folder)).byteLength / 102.4) / 10;
  return { kib };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify({ bench: 'bundle', ...(await measure()) }));

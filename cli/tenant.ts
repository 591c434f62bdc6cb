import { resolve } from 'node:path';
import { startLocalStack } from '../local/stack.js';
import { putTenantFile, readTenantFile } from './tenant-file.js';
import { awsClients, awsWriter, localWriter } from './tenant-writers.js';

/** `causeway tenant put FILE [--aws]`: validates the file fully before writing anything. */
export async function putTenantCommand(path: string, options: { aws: boolean; stack: string; region?: string }, out: (text: string) => void): Promise<number> {
  const file = readTenantFile(path);
  if (options.aws) {
    const writer = await awsWriter(options.stack, awsClients(options.region));
    for (const line of await putTenantFile(file, writer)) out(line);
    return 0;
  }
  const dataDir = resolve('.causeway');
  const stack = await startLocalStack({ dataDir }).catch((error: Error) => {
    throw new Error(/lock/i.test(error.message) ? `the local data in ${dataDir} is in use: stop \`npm start\` first, then run this again` : error.message);
  });
  try {
    for (const line of await putTenantFile(file, localWriter(stack, `local stack (${dataDir})`))) out(line);
  } finally {
    await stack.stop();
  }
  return 0;
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SignalSource } from '../functions/contracts/index.js';
import { startLocalStack } from '../local/stack.js';
import { getTenant } from '../local/tenants.js';
import { capture, readGoldenRun, replay } from './golden.js';
import { FileError } from './file-error.js';
import { formatRecord } from './print.js';
import { PLAIN, type Style } from './style.js';

/**
 * `causeway capture SIGNAL --tenant ID --source SOURCE --out FILE`: the tenant registered
 * in the local stack (with its real secrets, through `tenant put`) investigates a live
 * alert payload against its live backends, and every backend exchange is written down.
 */
export async function captureCommand(signalFile: string, options: { tenant: string; source: string; out: string }, out: (text: string) => void): Promise<number> {
  const source = SignalSource.safeParse(options.source);
  if (!source.success) throw new Error(`--source ${JSON.stringify(options.source)}: one of ${SignalSource.options.join(', ')}`);
  let body: unknown;
  try {
    body = JSON.parse(readFileSync(signalFile, 'utf8'));
  } catch (error) {
    throw new FileError(signalFile, `not a readable JSON file (${(error as Error).message})`);
  }
  const stack = await startLocalStack({ dataDir: resolve('.causeway') });
  try {
    const tenant = await getTenant(stack, options.tenant);
    if (!tenant) throw new Error(`tenant ${options.tenant} is not registered locally: run \`causeway tenant put\` first`);
    const golden = await capture(stack, tenant, { source: source.data, body, receivedAt: new Date().toISOString() }, options.out);
    out(`captured ${golden.exchanges.length} backend exchanges → ${options.out} (secret values not written)`);
    out(`root cause: ${golden.result.rootCause ? `${golden.result.rootCause.service} ${golden.result.rootCause.kind}` : 'none'}`);
    return 0;
  } finally {
    await stack.stop();
  }
}

/**
 * `causeway replay FILE [--json]`: the golden run offline; exits 1 when the result differs from
 * the capture. The file is checked before the local stack starts, and any failure after that
 * names the file too.
 */
export async function replayCommand(file: string, json: boolean, out: (text: string) => void, style: Style = PLAIN): Promise<number> {
  const golden = readGoldenRun(file);
  try {
    const stack = await startLocalStack();
    try {
      const { record, matches } = await replay(stack, golden);
      out(json ? JSON.stringify(record, null, 2) : formatRecord(record, undefined, style));
      out(matches ? 'replay matches the capture' : 'replay DIFFERS from the capture');
      return matches ? 0 : 1;
    } finally {
      await stack.stop();
    }
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
}

import type { ParameterHistory } from '@aws-sdk/client-ssm';
import { callAws } from '../../shared/aws-client.js';
import { loadSsm } from './aws-clients.js';
import { ExecutorRefusedError, targetField, type Executor } from './types.js';

/** Every version of a parameter, oldest first (values decrypted: they never leave this module). */
async function history(name: string, signal: AbortSignal): Promise<ParameterHistory[]> {
  const { client: ssm, GetParameterHistoryCommand } = await loadSsm();
  const versions: ParameterHistory[] = [];
  let token: string | undefined;
  for (let page = 0; page < 20; page++) {
    const out = await callAws(`ssm:GetParameterHistory ${name}`, signal, () =>
      ssm.send(new GetParameterHistoryCommand({ Name: name, WithDecryption: true, MaxResults: 50, NextToken: token }), { abortSignal: signal }),
    );
    versions.push(...(out.Parameters ?? []));
    token = out.NextToken;
    if (!token) break;
  }
  return versions.sort((a, b) => (a.Version ?? 0) - (b.Version ?? 0));
}

const shown = (p: ParameterHistory) => (p.Type === 'SecureString' ? '(secure value)' : JSON.stringify((p.Value ?? '').slice(0, 120)));

/**
 * revert_config on Parameter Store: the value of the version before the latest put back
 * (PutParameter, Overwrite). The plan keeps version numbers, never values, since it is
 * audited and the parameter may be a SecureString.
 */
export const revertConfigSsm: Executor = {
  async plan(action, ctx) {
    const name = targetField(action, 'parameter');
    const versions = await history(name, ctx.signal);
    const latest = versions.at(-1);
    const previous = versions.at(-2);
    if (!latest || !previous) throw new ExecutorRefusedError(`SSM parameter ${name} has no previous version`);
    return {
      executor: 'revert-config-ssm',
      changes: [`SSM parameter ${name}: version ${latest.Version} ${shown(latest)} → value of version ${previous.Version} ${shown(previous)}`],
      undo: `put the value of version ${latest.Version} of ${name} back`,
      desired: { name, toVersion: previous.Version ?? 0, fromVersion: latest.Version ?? 0 },
      noop: latest.Value === previous.Value,
    };
  },
  async apply(_action, plan, ctx) {
    const { client: ssm, PutParameterCommand } = await loadSsm();
    const { name, toVersion } = plan.desired as { name: string; toVersion: number };
    const versions = await history(name, ctx.signal);
    const target = versions.find((v) => v.Version === toVersion);
    if (!target?.Value) throw new ExecutorRefusedError(`SSM parameter ${name}: version ${toVersion} is gone from its history`);
    if (versions.at(-1)?.Value === target.Value) return;
    await callAws(`ssm:PutParameter ${name}`, ctx.signal, () =>
      ssm.send(new PutParameterCommand({ Name: name, Value: target.Value, Type: target.Type, Overwrite: true, ...(target.KeyId ? { KeyId: target.KeyId } : {}) }), { abortSignal: ctx.signal }),
    );
  },
};

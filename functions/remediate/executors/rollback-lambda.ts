import { callAws } from '../../shared/aws-client.js';
import { loadLambda } from './aws-clients.js';
import { ExecutorRefusedError, targetField, type Executor } from './types.js';

/** Published versions of a function, as numbers (`$LATEST` left out), over every page. */
async function publishedVersions(functionName: string, signal: AbortSignal): Promise<number[]> {
  const { client: lambda, ListVersionsByFunctionCommand } = await loadLambda();
  const versions: number[] = [];
  let marker: string | undefined;
  for (let page = 0; page < 20; page++) {
    const out = await callAws(`lambda:ListVersionsByFunction ${functionName}`, signal, () =>
      lambda.send(new ListVersionsByFunctionCommand({ FunctionName: functionName, Marker: marker, MaxItems: 50 }), { abortSignal: signal }),
    );
    for (const v of out.Versions ?? []) if (v.Version && /^\d+$/.test(v.Version)) versions.push(Number(v.Version));
    marker = out.NextMarker;
    if (!marker) break;
  }
  return versions;
}

/** rollback on Lambda: the alias back to the newest published version older than the one it points at. */
export const rollbackLambda: Executor = {
  async plan(action, ctx) {
    const { client: lambda, GetAliasCommand } = await loadLambda();
    const functionName = targetField(action, 'functionName');
    const alias = targetField(action, 'alias');
    const where = `Lambda ${functionName}:${alias}`;
    const current = await callAws(`lambda:GetAlias ${functionName}:${alias}`, ctx.signal, () => lambda.send(new GetAliasCommand({ FunctionName: functionName, Name: alias }), { abortSignal: ctx.signal }));
    const from = Number(current.FunctionVersion);
    if (!Number.isInteger(from)) throw new ExecutorRefusedError(`${where} points at ${current.FunctionVersion}, not a published version`);
    const previous = Math.max(...(await publishedVersions(functionName, ctx.signal)).filter((v) => v < from));
    if (!Number.isFinite(previous)) throw new ExecutorRefusedError(`${where}: no published version older than ${from}`);
    const weights = Object.keys(current.RoutingConfig?.AdditionalVersionWeights ?? {});
    return {
      executor: 'rollback-lambda',
      changes: [`${where}: version ${from} → ${previous}${weights.length > 0 ? ` (weighted routing to ${weights.join(', ')} removed)` : ''}`],
      undo: `point alias ${alias} of ${functionName} back at version ${from}`,
      desired: { functionName, alias, version: String(previous), from: String(from) },
    };
  },
  async apply(_action, plan, ctx) {
    const { client: lambda, UpdateAliasCommand } = await loadLambda();
    const { functionName, alias, version } = plan.desired as { functionName: string; alias: string; version: string };
    await callAws(`lambda:UpdateAlias ${functionName}:${alias}`, ctx.signal, () =>
      lambda.send(new UpdateAliasCommand({ FunctionName: functionName, Name: alias, FunctionVersion: version, RoutingConfig: { AdditionalVersionWeights: {} } }), { abortSignal: ctx.signal }),
    );
  },
};

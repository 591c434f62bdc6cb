import { GetAliasCommand, LambdaClient, ListVersionsByFunctionCommand, type AliasConfiguration, type FunctionConfiguration } from '@aws-sdk/client-lambda';
import { callAws, clientsByRegion } from '../../shared/aws-client.js';

/** One Lambda client per region, kept for the life of the container. */
export const lambdaFor = clientsByRegion((region, config) => new LambdaClient({ region, ...config }));

/** ListVersionsByFunction pages (50 versions a page, oldest first): 500 versions. */
export const MAX_VERSION_PAGES = 10;

export async function getAlias(client: LambdaClient, functionName: string, alias: string, signal: AbortSignal, where: string): Promise<AliasConfiguration> {
  return callAws(`${where} GetAlias`, signal, () => client.send(new GetAliasCommand({ FunctionName: functionName, Name: alias }), { abortSignal: signal }));
}

/** Every version of a function with $LATEST, following NextMarker up to the bound. */
export async function listVersions(client: LambdaClient, functionName: string, signal: AbortSignal, where: string): Promise<{ versions: FunctionConfiguration[]; truncated: boolean }> {
  const versions: FunctionConfiguration[] = [];
  let marker: string | undefined;
  let pages = 0;
  do {
    const page = await callAws(`${where} ListVersionsByFunction`, signal, () =>
      client.send(new ListVersionsByFunctionCommand({ FunctionName: functionName, MaxItems: 50, ...(marker ? { Marker: marker } : {}) }), { abortSignal: signal }),
    );
    versions.push(...(page.Versions ?? []));
    marker = page.NextMarker;
    pages++;
  } while (marker && pages < MAX_VERSION_PAGES);
  return { versions, truncated: Boolean(marker) };
}

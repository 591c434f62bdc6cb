import { describe, expect, it } from 'vitest';
import { datadogAdapter } from '../../../../functions/ingest/sources/datadog/index.js';
import { opsgenieAdapter } from '../../../../functions/ingest/sources/opsgenie/index.js';
import type { SourceAdapter } from '../../../../functions/ingest/sources/types.js';
import { WebhookCredentials } from '../../../../functions/ingest/sources/credentials.js';
import { deps, fixture, rejection, request } from './support/fixtures.js';

const TOKEN = 'shared-header-token-0123456789';

describe.each([
  ['datadog', datadogAdapter, 'triggered.json'],
  ['opsgenie', opsgenieAdapter, 'create.json'],
] as Array<[string, SourceAdapter, string]>)('%s verify (secret header)', (source, adapter, name) => {
  const { raw } = fixture(source, name);
  const credentials = WebhookCredentials.parse({ [source]: { headerName: 'X-Causeway-Token', token: TOKEN } });

  it('accepts the configured header, whatever case the sender used for its name', async () => {
    await expect(adapter.verify(request(raw, { 'x-causeway-token': TOKEN }), credentials, deps())).resolves.toBeUndefined();
  });

  it.each([
    ['a wrong token', { 'x-causeway-token': 'wrong-token-00000000000000000' }, /does not match/],
    ['a longer token', { 'x-causeway-token': `${TOKEN}0` }, /does not match/],
    ['the token in another header', { authorization: TOKEN }, /missing/],
    ['no header', {}, /missing/],
  ])('rejects %s', async (_, headers, reason) => {
    expect(await rejection(adapter.verify(request(raw, headers), credentials, deps()))).toMatch(reason);
  });

  it('rejects a tenant that configured nothing for it', async () => {
    await rejection(adapter.verify(request(raw, { 'x-causeway-token': TOKEN }), {}, deps()));
  });
});

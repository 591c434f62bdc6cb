import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ScopedTenantConfig, SecretRef, SlackAppSecret, type TenantConfig, describeIssue, tenantSecretPrefix } from '../functions/contracts/index.js';
import { parseWebhookCredentials } from '../functions/ingest/sources/credentials.js';
import { FileError } from './file-error.js';

/**
 * What `causeway tenant put` reads: the tenant's config item and the secrets it names.
 * Secret values are JSON objects; they are written to Secrets Manager (or the local
 * store) and never printed. Every secret, named in the config or in `secrets`, must be
 * under `causeway/tenants/<tenantId>/`. The file, the config and the secrets whose shape
 * Causeway knows (webhook credentials, the Slack app) are strict: an unknown key is refused
 * by name, because one written at the wrong level would otherwise vanish unread.
 */
export const TenantFile = z.strictObject({
  tenant: ScopedTenantConfig,
  secrets: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
});
export type TenantFile = z.infer<typeof TenantFile>;

export function readTenantFile(path: string): TenantFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new FileError(path, `not a readable JSON file (${(error as Error).message})`);
  }
  const parsed = TenantFile.safeParse(raw);
  if (!parsed.success) throw new FileError(path, `${describeIssue(parsed.error.issues[0]!)}`);
  const file = parsed.data;
  for (const name of Object.keys(file.secrets)) {
    const ref = SecretRef.safeParse(name);
    if (!ref.success) throw new FileError(path, `secrets.${name}: ${ref.error.issues[0]!.message}`);
    const prefix = tenantSecretPrefix(file.tenant.tenantId);
    if (!name.startsWith(prefix)) throw new FileError(path, `secrets.${name}: not under ${prefix}: a tenant may write only its own secrets`);
  }
  const webhookRef = file.tenant.webhookSecretRef;
  if (webhookRef && file.secrets[webhookRef]) {
    try {
      parseWebhookCredentials(file.secrets[webhookRef]);
    } catch (error) {
      throw new FileError(path, `secrets.${webhookRef}: ${(error as Error).message}`);
    }
  }
  const slackAppRef = file.tenant.approval.slackAppSecretRef;
  const slackApp = slackAppRef && file.secrets[slackAppRef] ? SlackAppSecret.safeParse(file.secrets[slackAppRef]) : undefined;
  if (slackApp && !slackApp.success) throw new FileError(path, `${describeIssue(slackApp.error.issues[0]!, ['secrets', slackAppRef!])}`);
  return file;
}

export interface TenantWriter {
  putConfig(config: TenantConfig): Promise<void>;
  putSecret(name: string, value: string): Promise<'created' | 'updated'>;
  where: string;
}

/** Writes the config and its secrets; returns lines a person can read, with no secret value in them. */
export async function putTenantFile(file: TenantFile, writer: TenantWriter): Promise<string[]> {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(file.secrets)) {
    lines.push(`secret ${name} ${await writer.putSecret(name, JSON.stringify(value))}`);
  }
  await writer.putConfig(file.tenant);
  lines.push(`tenant ${file.tenant.tenantId}: ${file.tenant.backends.length} backends, ${Object.keys(file.tenant.topology).length} services in topology, policy ${file.tenant.policy.mode}${file.tenant.policy.dryRun ? ' (dry-run)' : ''} → ${writer.where}`);
  const missing = [file.tenant.webhookSecretRef, file.tenant.approval.slackWebhookSecretRef, ...file.tenant.backends.map((b) => b.secretRef)].filter(
    (ref): ref is string => ref !== undefined && !(ref in file.secrets),
  );
  for (const ref of missing) lines.push(`note: ${ref} is referenced but not in this file; it must already exist`);
  return lines;
}

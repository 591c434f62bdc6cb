import { DescribeSecretCommand, GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient, UpdateSecretVersionStageCommand } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { ConfigurationError } from '../shared/errors.js';
import { createdOnFirstUse } from '../shared/lazy.js';
import { createLogger } from '../shared/logger.js';
import { checkPending, rotatedSecret } from './rotate.js';

const logger = createLogger('rotate-platform-key');
/** Every rotation step needs it; made on the first, not at module load. */
const client = createdOnFirstUse(() => new SecretsManagerClient({}));

/** What Secrets Manager invokes a rotation function with, once per step. */
export const RotationEvent = z.object({
  SecretId: z.string().min(1),
  ClientRequestToken: z.string().min(1),
  Step: z.enum(['createSecret', 'setSecret', 'testSecret', 'finishSecret']),
});
export type RotationEvent = z.infer<typeof RotationEvent>;

async function valueAt(secretId: string, stage: string, versionId?: string): Promise<unknown> {
  const out = await client.send(new GetSecretValueCommand({ SecretId: secretId, VersionStage: stage, ...(versionId ? { VersionId: versionId } : {}) }));
  return JSON.parse(out.SecretString ?? 'null');
}

/** createSecret: the rotated value as AWSPENDING under the request token, unless a retry already put it. */
async function createSecret(event: RotationEvent): Promise<void> {
  const current = await valueAt(event.SecretId, 'AWSCURRENT');
  try {
    await valueAt(event.SecretId, 'AWSPENDING', event.ClientRequestToken);
    return;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  const next = rotatedSecret(current, new Date());
  await client.send(new PutSecretValueCommand({ SecretId: event.SecretId, ClientRequestToken: event.ClientRequestToken, SecretString: JSON.stringify(next), VersionStages: ['AWSPENDING'] }));
  logger.info('created the next platform key version', { current: next.current, versions: Object.keys(next.keys) });
}

/** finishSecret: AWSCURRENT moves to the new version (the old one keeps AWSPREVIOUS). */
async function finishSecret(event: RotationEvent): Promise<void> {
  const described = await client.send(new DescribeSecretCommand({ SecretId: event.SecretId }));
  const current = Object.entries(described.VersionIdsToStages ?? {}).find(([, stages]) => stages.includes('AWSCURRENT'))?.[0];
  if (current === event.ClientRequestToken) return;
  await client.send(new UpdateSecretVersionStageCommand({ SecretId: event.SecretId, VersionStage: 'AWSCURRENT', MoveToVersionId: event.ClientRequestToken, ...(current ? { RemoveFromVersionId: current } : {}) }));
  logger.info('the new platform key version is current', { versionId: event.ClientRequestToken });
}

/**
 * Rotates the platform secret with Secrets Manager's four-step protocol. Only Causeway
 * uses these keys, so setSecret has nothing to tell another system; testSecret checks the
 * pending version keeps every key still needed. A version that is already current, or
 * not pending, ends the step without change, so Secrets Manager's retries are harmless.
 */
export async function handler(raw: unknown): Promise<void> {
  const event = RotationEvent.parse(raw);
  const described = await client.send(new DescribeSecretCommand({ SecretId: event.SecretId }));
  if (!described.RotationEnabled) throw new ConfigurationError(`rotation is not enabled on ${event.SecretId}`);
  const stages = described.VersionIdsToStages?.[event.ClientRequestToken];
  if (!stages) throw new ConfigurationError(`version ${event.ClientRequestToken} of ${event.SecretId} does not exist`);
  if (stages.includes('AWSCURRENT')) return;
  if (!stages.includes('AWSPENDING')) throw new ConfigurationError(`version ${event.ClientRequestToken} of ${event.SecretId} is not pending rotation`);
  switch (event.Step) {
    case 'createSecret':
      return createSecret(event);
    case 'setSecret':
      return;
    case 'testSecret':
      return checkPending(await valueAt(event.SecretId, 'AWSCURRENT'), await valueAt(event.SecretId, 'AWSPENDING', event.ClientRequestToken));
    case 'finishSecret':
      return finishSecret(event);
  }
}

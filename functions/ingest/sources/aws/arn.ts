/** The parts of an ARN that correlation needs; undefined for anything that is not one. */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Splits an ARN; undefined for anything that is not one, so a payload cannot pass junk as an account or region. */
export function parseArn(value: string | undefined): ArnParts | undefined {
  const match = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|):(.+)$/.exec(value ?? '');
  if (!match) return undefined;
  const [, partition, service, region, account, resource] = match;
  return { partition: partition!, service: service!, region: region!, account: account!, resource: resource! };
}

/** An AWS region code; anything else from a payload must not reach a console URL's host. */
export function awsRegion(...candidates: Array<string | undefined>): string | undefined {
  return candidates.find((value) => value !== undefined && /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(value));
}

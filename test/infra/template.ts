import type { Template } from 'aws-cdk-lib/assertions';

/** A CloudFormation resource as it appears in the template. */
export interface Resource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
}

/** One (effect, action, resource) triple from any IAM policy, so merged or split statements read the same. */
export interface Permission {
  readonly roleId: string;
  readonly effect: 'Allow' | 'Deny';
  readonly action: string;
  /** The resource rendered with `${Logical.Attr}` for GetAtt and `${Logical}` for Ref. */
  readonly resource: string;
}

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
}

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/**
 * Renders an intrinsic as a readable string (`{ Ref: X }` → `${X}`, GetAtt → `${X.Arn}`,
 * Join → concatenation), so tests compare ARNs by what they point at, not by shape.
 */
export function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (typeof node.Ref === 'string') return `\${${node.Ref}}`;
    const getAtt = node['Fn::GetAtt'];
    if (Array.isArray(getAtt)) return `\${${getAtt.join('.')}}`;
    const join = node['Fn::Join'];
    if (Array.isArray(join)) {
      const [separator, parts] = join as [string, unknown[]];
      return parts.map(render).join(separator);
    }
  }
  throw new Error(`cannot render ${JSON.stringify(value)}`);
}

export const arnOf = (logicalId: string): string => `\${${logicalId}.Arn}`;
export const refOf = (logicalId: string): string => `\${${logicalId}}`;

/** The logical id a `Ref` or `GetAtt` points at. */
export function targetOf(value: unknown): string {
  const match = /^\$\{([^.}]+)/.exec(render(value));
  if (!match?.[1]) throw new Error(`not a reference: ${JSON.stringify(value)}`);
  return match[1];
}

export function resourcesOfType(template: Template, type: string): Map<string, Resource> {
  return new Map(Object.entries(template.findResources(type) as Record<string, Resource>));
}

/** The single resource of a type; the stack has one state machine, one table, one API. */
export function onlyResource(template: Template, type: string): [string, Resource] {
  const found = [...resourcesOfType(template, type)];
  if (found.length !== 1 || !found[0]) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}

export function resource(template: Template, logicalId: string): Resource {
  const found = (template.toJSON() as { Resources: Record<string, Resource> }).Resources[logicalId];
  if (!found) throw new Error(`no resource ${logicalId}`);
  return found;
}

/** Every IAM permission in the template: role default policies, standalone and inline policies. */
export function permissions(template: Template): Permission[] {
  const documents: Array<{ roleIds: string[]; statements: Statement[] }> = [];
  for (const type of ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']) {
    for (const policy of resourcesOfType(template, type).values()) {
      const props = policy.Properties as { Roles?: unknown[]; PolicyDocument: { Statement: Statement[] } };
      documents.push({ roleIds: (props.Roles ?? []).map(targetOf), statements: props.PolicyDocument.Statement });
    }
  }
  for (const [roleId, role] of resourcesOfType(template, 'AWS::IAM::Role')) {
    const inline = (role.Properties?.Policies ?? []) as Array<{ PolicyDocument: { Statement: Statement[] } }>;
    for (const policy of inline) documents.push({ roleIds: [roleId], statements: policy.PolicyDocument.Statement });
  }
  return documents.flatMap(({ roleIds, statements }) =>
    roleIds.flatMap((roleId) =>
      statements.flatMap((statement) =>
        asArray(statement.Action).flatMap((action) =>
          asArray(statement.Resource).map((res) => ({ roleId, effect: statement.Effect, action, resource: render(res) })),
        ),
      ),
    ),
  );
}

/** A Lambda function found by its `POWERTOOLS_SERVICE_NAME` (`causeway-<service>`), not by its hashed logical id. */
export interface FoundFunction {
  readonly id: string;
  readonly roleId: string;
  readonly props: {
    Runtime: string;
    Architectures: string[];
    Timeout: number;
    Environment: { Variables: Record<string, unknown> };
    LoggingConfig?: { LogGroup: unknown };
  };
}

export function functionsByService(template: Template): Map<string, FoundFunction> {
  const found = new Map<string, FoundFunction>();
  for (const [id, fn] of resourcesOfType(template, 'AWS::Lambda::Function')) {
    const props = fn.Properties as unknown as FoundFunction['props'] & { Role: unknown };
    const service = props.Environment.Variables.POWERTOOLS_SERVICE_NAME;
    if (typeof service !== 'string') throw new Error(`function ${id} has no service name`);
    found.set(service.replace(/^causeway-/, ''), { id, roleId: targetOf(props.Role), props });
  }
  return found;
}

export function fnFor(functions: Map<string, FoundFunction>, service: string): FoundFunction {
  const fn = functions.get(service);
  if (!fn) throw new Error(`no function for service ${service}; found ${[...functions.keys()].join(', ')}`);
  return fn;
}

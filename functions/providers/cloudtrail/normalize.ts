import type { Event } from '@aws-sdk/client-cloudtrail';
import type { ChangeEvent } from '../../contracts/index.js';
import { clip } from '../../shared/point-events.js';
import { EVENT_KINDS, type EventName } from './options.js';

/*
 * A CloudTrail record (the `CloudTrailEvent` JSON: requestParameters, responseElements,
 * userIdentity) → the resources it touched and a change: what changed, to which version,
 * from which, by whom.
 */

type Params = Record<string, unknown>;

export interface Record_ {
  eventID?: string;
  eventName?: string;
  eventTime?: string;
  awsRegion?: string;
  errorCode?: string;
  userIdentity?: { type?: string; arn?: string; invokedBy?: string; sessionContext?: { sessionIssuer?: { userName?: string } } };
  requestParameters?: Params | null;
  responseElements?: Params | null;
}

/** What one record says changed, before it is tied to a service. */
export interface Parsed {
  /** Names of the resources touched, as a tenant would list them in options.services. */
  resources: string[];
  kind: ChangeEvent['kind'];
  summary: string;
  version?: string;
  previousVersion?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : undefined);
const obj = (v: unknown): Params => (v && typeof v === 'object' ? (v as Params) : {});
/** `arn:aws:lambda:…:function:orders-fn[:alias]` or `…:service/prod/orders-svc` → the bare name. */
export const lastName = (nameOrArn: string): string => (nameOrArn.startsWith('arn:') && nameOrArn.includes(':function:') ? nameOrArn.split(':')[6] ?? nameOrArn : nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1));
/** A CloudFormation stack ARN keeps the name before its id: `…:stack/orders-stack/6d0e…` → `orders-stack`. */
const stackName = (v: string) => (v.startsWith('arn:') ? (v.split('/')[1] ?? v) : v);
const tagOf = (image: string) => image.slice(image.lastIndexOf('/') + 1).split(/[:@]/).slice(1).join(':') || 'latest';
const changed = (req: Params, skip: string[]) => Object.keys(req).filter((k) => !skip.includes(k)).join(', ') || 'nothing listed';

/** A kind returned here overrides the event name's (an UpdateService that only scales). */
type Extract = (req: Params, res: Params) => Omit<Parsed, 'kind'> & { kind?: ChangeEvent['kind'] };

const EXTRACT: Record<EventName, Extract> = {
  UpdateFunctionCode20150331v2: (req, res) => {
    const fn = lastName(str(req.functionName) ?? '?');
    const image = str(req.imageUri);
    const version = image ? tagOf(image) : str(res.codeSha256)?.slice(0, 16);
    return { resources: [fn], summary: `Lambda ${fn}: new code${image ? ` from image ${image}` : str(req.s3Key) ? ` from s3://${str(req.s3Bucket) ?? '?'}/${str(req.s3Key)}` : ''}`, ...(version ? { version } : {}) };
  },
  PublishVersion20150331: (req, res) => {
    const fn = lastName(str(req.functionName) ?? '?');
    const version = str(res.version);
    return { resources: [fn], summary: `Lambda ${fn}: published version ${version ?? '?'}${str(req.description) ? ` (${str(req.description)})` : ''}`, ...(version ? { version } : {}) };
  },
  UpdateAlias20150331: (req, res) => {
    const fn = lastName(str(req.functionName) ?? '?');
    const alias = str(req.name) ?? str(res.name) ?? '?';
    const version = str(req.functionVersion) ?? str(res.functionVersion);
    const weights = Object.entries(obj(obj(req.routingConfig).additionalVersionWeights));
    const canary = weights.map(([v, w]) => `${Math.round(Number(w) * 100)}% to version ${v}`).join(', ');
    return {
      resources: [fn, `${fn}:${alias}`],
      summary: `Lambda ${fn}: alias ${alias} now points to version ${version ?? '(unchanged)'}${canary ? ` with ${canary}` : ''}`,
      ...(version ? { version } : {}),
    };
  },
  UpdateFunctionConfiguration20150331v2: (req) => {
    const fn = lastName(str(req.functionName) ?? '?');
    const sizes = [str(req.memorySize) && `memory ${str(req.memorySize)} MB`, str(req.timeout) && `timeout ${str(req.timeout)} s`].filter(Boolean).join(', ');
    return { resources: [fn], summary: `Lambda ${fn}: configuration changed (${changed(req, ['functionName'])})${sizes ? `: ${sizes}` : ''}` };
  },
  UpdateService: (req, res) => {
    const service = lastName(str(req.service) ?? '?');
    const taskDef = str(req.taskDefinition);
    const desired = str(req.desiredCount);
    const parts = [taskDef && `task definition ${lastName(taskDef)}`, desired && `desired count ${desired}`, req.forceNewDeployment === true && 'forced new deployment'].filter(Boolean);
    return { resources: [service, `${lastName(str(req.cluster) ?? 'default')}/${service}`], summary: `ECS service ${service}: ${parts.join(', ') || changed(req, ['cluster', 'service'])}`, ...(taskDef ? { version: lastName(taskDef) } : desired ? { kind: 'scaling' as const } : { kind: 'config' as const }) };
  },
  RegisterTaskDefinition: (req, res) => {
    const family = str(req.family) ?? '?';
    const registered = obj(res.taskDefinition);
    const images = (Array.isArray(req.containerDefinitions) ? req.containerDefinitions : []).map((c) => `${str(obj(c).name) ?? '?'}=${str(obj(c).image) ?? '?'}`);
    const revision = str(registered.revision);
    const previous = revision && Number(revision) > 1 ? `${family}:${Number(revision) - 1}` : undefined;
    return { resources: [family], summary: `ECS task definition ${family}:${revision ?? '?'} registered${images.length ? ` (${images.join(', ')})` : ''}`, ...(revision ? { version: `${family}:${revision}` } : {}), ...(previous ? { previousVersion: previous } : {}) };
  },
  PutParameter: (req, res) => {
    const name = str(req.name) ?? '?';
    const version = str(res.version);
    const previous = req.overwrite === true && version && Number(version) > 1 ? String(Number(version) - 1) : undefined;
    return { resources: [name], summary: `SSM parameter ${name} ${req.overwrite === true ? 'overwritten' : 'written'}${version ? ` (version ${version})` : ''}`, ...(version ? { version } : {}), ...(previous ? { previousVersion: previous } : {}) };
  },
  StartDeployment: (req, res) => {
    const app = str(req.applicationId) ?? '?';
    const version = str(req.configurationVersion) ?? str(res.configurationVersion);
    const profile = str(res.configurationName) ?? str(req.configurationProfileId) ?? '?';
    return {
      resources: [app, ...(str(res.configurationName) ? [str(res.configurationName)!] : [])],
      summary: `AppConfig deployment ${str(res.deploymentNumber) ?? '?'} of ${profile} version ${version ?? '?'} to environment ${str(req.environmentId) ?? '?'} (strategy ${str(req.deploymentStrategyId) ?? '?'})`,
      ...(version ? { version } : {}),
    };
  },
  UpdateStack: (req) => {
    const stack = stackName(str(req.stackName) ?? '?');
    return { resources: [stack], summary: `CloudFormation stack ${stack} updated${req.usePreviousTemplate === true ? ' (parameters only)' : ''}` };
  },
  ExecuteChangeSet: (req) => {
    const changeSet = str(req.changeSetName) ?? '?';
    const stack = stackName(str(req.stackName) ?? '?');
    return { resources: [stack], summary: `CloudFormation change set ${stackName(changeSet)} executed on stack ${stack}` };
  },
  UpdateAutoScalingGroup: (req) => {
    const asg = str(req.autoScalingGroupName) ?? '?';
    const sizes = [['min', req.minSize], ['max', req.maxSize], ['desired', req.desiredCapacity]].filter(([, v]) => str(v)).map(([k, v]) => `${k} ${str(v)}`);
    return { resources: [asg], summary: `Auto Scaling group ${asg} updated: ${sizes.join(', ') || changed(req, ['autoScalingGroupName'])}` };
  },
  SetDesiredCapacity: (req) => {
    const asg = str(req.autoScalingGroupName) ?? '?';
    return { resources: [asg], summary: `Auto Scaling group ${asg}: desired capacity set to ${str(req.desiredCapacity) ?? '?'}` };
  },
  PutScalingPolicy: (req) => {
    const asg = str(req.autoScalingGroupName) ?? '?';
    return { resources: [asg], summary: `Auto Scaling group ${asg}: scaling policy ${str(req.policyName) ?? '?'} (${str(req.policyType) ?? 'SimpleScaling'}) put` };
  },
};

/** Who made the call: the role session, user or service, never an access key. */
export function authorOf(record: Record_): string | undefined {
  const id = record.userIdentity;
  if (!id) return undefined;
  if (id.arn) return id.arn.split(':').slice(5).join(':').slice(0, 200) || id.arn.slice(0, 200);
  return (id.invokedBy ?? id.type)?.slice(0, 200);
}

/** Parses one event; undefined for a failed call (errorCode), an unknown name, or unreadable JSON. */
export function parseEvent(event: Event): { record: Record_; parsed: Parsed } | undefined {
  let record: Record_;
  try {
    record = JSON.parse(event.CloudTrailEvent ?? '{}') as Record_;
  } catch {
    return undefined;
  }
  const name = (record.eventName ?? event.EventName) as EventName | undefined;
  if (!name || !(name in EXTRACT) || record.errorCode) return undefined;
  const extracted = EXTRACT[name](obj(record.requestParameters), obj(record.responseElements));
  return { record, parsed: { ...extracted, kind: extracted.kind ?? EVENT_KINDS[name], summary: clip(extracted.summary, 1000) } };
}

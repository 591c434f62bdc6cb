import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { AssetManifestArtifact } from 'aws-cdk-lib/cx-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { allStates, aslDefinition, aslSource, evidenceDefinition, evidenceSource } from './asl.js';
import { synthCauseway, type Synthesized } from './synth.js';
import { resourcesOfType, type Resource } from './template.js';

type AslValidator = (
  definition: unknown,
  options?: { checkPaths: boolean; checkArn: boolean },
) => { isValid: boolean; errorsText: (separator?: string) => string };

// asl-validator is CommonJS without type declarations.
const validateAsl = createRequire(import.meta.url)('asl-validator') as AslValidator;

/** Errors worth retrying: Lambda service hiccups and our own `TransientError` (throttling, 5xx). */
const TRANSIENT_ERRORS = new Set([
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'TransientError',
]);

/**
 * Fields aws-local-stepfunctions ignores silently (JSONata, variables, Distributed Map,
 * heartbeats): a definition using them would behave differently on a laptop than on AWS.
 */
const UNSUPPORTED_LOCALLY = new Set([
  'QueryLanguage',
  'Arguments',
  'Output',
  'Assign',
  'Condition',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'ItemReader',
  'ItemBatcher',
  'ResultWriter',
  'HeartbeatSeconds',
  'HeartbeatSecondsPath',
]);

/** What the start of the evidence workflow retries: Step Functions refusing or throttling StartExecution, never a failed child. */
const CHILD_START_ERRORS = new Set(['StepFunctions.ExecutionLimitExceeded', 'StepFunctions.ThrottlingException', 'StepFunctions.SdkClientException']);
const START_CHILD = 'arn:aws:states:::states:startExecution.sync:2';

/** Payload templates: their keys are our data, not ASL fields. */
const PAYLOAD_TEMPLATES = new Set(['Parameters', 'ItemSelector', 'ResultSelector']);

const placeholdersOf = (source: Buffer) => new Set([...source.toString('utf8').matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1]));
const FILES = [
  { type: 'STANDARD', source: aslSource },
  { type: 'EXPRESS', source: evidenceSource },
] as const;

/** Paths of every ASL field (outside payload templates) the local runner would ignore, and every JSONata expression. */
function unsupportedUses(node: unknown, path: string): string[] {
  if (typeof node === 'string') return node.trimStart().startsWith('{%') ? [`${path} (JSONata)`] : [];
  if (Array.isArray(node)) return node.flatMap((item, i) => unsupportedUses(item, `${path}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => [
    ...(UNSUPPORTED_LOCALLY.has(key) ? [`${path}.${key}`] : []),
    ...(PAYLOAD_TEMPLATES.has(key) ? [] : unsupportedUses(value, `${path}.${key}`)),
  ]);
}

function passesTaskToken(template: unknown): boolean {
  if (!template || typeof template !== 'object') return false;
  return Object.entries(template).some(
    ([key, value]) => (key.endsWith('.$') && value === '$$.Task.Token') || passesTaskToken(value),
  );
}

describe('the investigation and evidence ASL', () => {
  let synthesized: Synthesized;
  let machines: Map<string, Resource>;

  beforeAll(() => {
    // The definition assets are plain files; Lambda code is not looked at here.
    synthesized = synthCauseway({ bundle: false });
    const all = [...resourcesOfType(synthesized.template, 'AWS::StepFunctions::StateMachine').entries()];
    expect(all).toHaveLength(2);
    machines = new Map(all.map(([id, machine]) => [String(machine.Properties?.StateMachineType), { ...machine, id } as Resource]));
  });

  it('deploys each state machine byte for byte from the file the local runtime loads', () => {
    for (const { type, source } of FILES) {
      const { Key } = machines.get(type)?.Properties?.DefinitionS3Location as { Key: string };
      const stackArtifact = synthesized.assembly.getStackArtifact(synthesized.stack.artifactId);
      const manifests = stackArtifact.dependencies.filter(AssetManifestArtifact.isAssetManifestArtifact);
      const files = manifests.flatMap((m) =>
        Object.values(m.contents.files ?? {}).filter((file) =>
          Object.values(file.destinations).some((destination) => destination.objectKey === Key),
        ),
      );
      expect(files).toHaveLength(1);
      const deployed = readFileSync(join(synthesized.assembly.directory, files[0]?.source.path ?? ''));
      expect({ type, same: deployed.equals(source) }).toEqual({ type, same: true });
    }
  });

  it('gets a substitution for every placeholder and has no substitution without one', () => {
    const functions = resourcesOfType(synthesized.template, 'AWS::Lambda::Function');
    for (const { type, source } of FILES) {
      const substitutions = machines.get(type)?.Properties?.DefinitionSubstitutions as Record<string, unknown>;
      expect(new Set(Object.keys(substitutions))).toEqual(placeholdersOf(source));
      for (const [key, value] of Object.entries(substitutions)) {
        if (key === 'EvidenceStateMachineArn') {
          expect(value).toEqual({ Ref: (machines.get('EXPRESS') as Resource & { id: string }).id });
          continue;
        }
        const [logicalId, attribute] = (value as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'];
        expect(functions.has(logicalId)).toBe(true);
        expect(attribute).toBe('Arn');
      }
    }
  });

  it('is valid Amazon States Language once its placeholders are ARNs', () => {
    for (const { source } of FILES) {
      const substituted = source
        .toString('utf8')
        .replace(/\$\{([^}]+)\}/g, (_, name: string) =>
          name.endsWith('StateMachineArn') ? `arn:aws:states:us-east-1:123456789012:stateMachine:${name}` : `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
        );
      const result = validateAsl(JSON.parse(substituted), { checkPaths: true, checkArn: true });
      expect(result.errorsText('\n')).toBe('');
      expect(result.isValid).toBe(true);
    }
  });

  it('starts the evidence workflow as a child it waits for, and keeps inside it only what Express runs', () => {
    const start = aslDefinition().States[aslDefinition().StartAt];
    expect(start).toMatchObject({ Type: 'Task', Resource: START_CHILD, Parameters: { StateMachineArn: '${EvidenceStateMachineArn}' } });
    const inside = allStates().filter(([name]) => name.startsWith('evidence:'));
    expect(inside.length).toBeGreaterThan(0);
    // Express workflows support neither .sync nor .waitForTaskToken; a failure fails the child, and the investigation's Catch records it.
    for (const [name, state] of inside) {
      expect({ name, resource: /\.(sync|waitForTaskToken)/.test(state.Resource ?? '') }).toEqual({ name, resource: false });
      if (!name.includes('/')) expect({ name, catch: state.Catch }).toEqual({ name, catch: undefined });
    }
    expect(evidenceDefinition().TimeoutSeconds).toBeLessThanOrEqual(300);
  });

  it('uses only JSONPath features the local runner supports', () => {
    expect(unsupportedUses(aslDefinition(), '$')).toEqual([]);
    expect(unsupportedUses(evidenceDefinition(), '$')).toEqual([]);
    const modes = allStates()
      .filter(([, state]) => state.Type === 'Map')
      .map(([name, state]) => [name, state.ItemProcessor?.ProcessorConfig?.Mode ?? 'INLINE']);
    expect(modes.length).toBeGreaterThan(0);
    for (const [name, mode] of modes) expect({ name, mode }).toEqual({ name, mode: 'INLINE' });
  });

  it('names Lambda ARNs only through placeholders', () => {
    const resources = allStates().flatMap(([, s]) => (s.Resource ? [s.Resource] : []));
    for (const resource of resources) {
      expect(resource).toMatch(/^(\$\{[A-Za-z]+FunctionArn\}|arn:aws:states:::lambda:invoke(\.waitForTaskToken)?|arn:aws:states:::states:startExecution\.sync:2)$/);
    }
  });

  it('bounds every Task with a timeout', () => {
    const tasks = allStates().filter(([, s]) => s.Type === 'Task');
    expect(tasks.length).toBeGreaterThan(0);
    const unbounded = tasks.filter(([, s]) => s.TimeoutSeconds === undefined && s.TimeoutSecondsPath === undefined);
    expect(unbounded.map(([name]) => name)).toEqual([]);
  });

  it('hands the task token to every callback task and catches its timeout', () => {
    const callbacks = allStates().filter(([, s]) => s.Resource?.endsWith('.waitForTaskToken'));
    expect(callbacks.length).toBeGreaterThan(0);
    for (const [name, state] of callbacks) {
      expect({ name, passesToken: passesTaskToken(state.Parameters) }).toEqual({ name, passesToken: true });
      const caught = (state.Catch ?? []).flatMap((c) => c.ErrorEquals);
      expect({ name, caught }).toEqual({ name, caught: expect.arrayContaining(['States.Timeout']) });
    }
  });

  it('retries transient errors with backoff and full jitter on every task, Score and Reason included', () => {
    const tasks = allStates().filter(([, s]) => s.Type === 'Task');
    for (const [name, state] of tasks) {
      const transient = state.Resource === START_CHILD ? CHILD_START_ERRORS : TRANSIENT_ERRORS;
      const retrier = (state.Retry ?? []).find((r) => r.ErrorEquals.some((e) => transient.has(e)) || r.ErrorEquals.includes('States.ALL'));
      expect({ name, retriesTransient: [...transient].every((e) => retrier?.ErrorEquals.includes(e) || retrier?.ErrorEquals.includes('States.ALL')) }).toEqual({ name, retriesTransient: true });
      expect({ name, backoff: retrier?.BackoffRate, jitter: retrier?.JitterStrategy, attempts: (retrier?.MaxAttempts ?? 0) >= 2, interval: (retrier?.IntervalSeconds ?? 0) >= 1 }).toEqual({
        name,
        backoff: 2,
        jitter: 'FULL',
        attempts: true,
        interval: true,
      });
    }
  });

  it('names States.DataLimitExceeded before every States.ALL catcher, since on AWS the wildcard does not catch it', () => {
    const catching = allStates().filter(([, s]) => (s.Catch ?? []).some((c) => c.ErrorEquals.includes('States.ALL')));
    expect(catching.length).toBeGreaterThan(0);
    for (const [name, state] of catching) {
      const catchers = state.Catch ?? [];
      const wildcard = catchers.findIndex((c) => c.ErrorEquals.includes('States.ALL'));
      const limit = catchers.findIndex((c) => c.ErrorEquals.includes('States.DataLimitExceeded'));
      expect({ name, limitCaughtFirst: limit >= 0 && limit < wildcard, sameTarget: catchers[limit]?.Next === catchers[wildcard]?.Next }).toEqual({ name, limitCaughtFirst: true, sameTarget: true });
    }
  });

  it('ends every failed stage and a failed evidence workflow in RecordFailure with the error kept beside the state', () => {
    const recorded = ['GatherEvidence', 'Reason', 'Record', 'Policy', 'RequestApproval', 'Remediate', 'Finish'];
    const states = aslDefinition().States;
    for (const name of recorded) {
      const catchers = states[name]?.Catch ?? [];
      for (const error of ['States.DataLimitExceeded', 'States.ALL']) {
        const catcher = catchers.find((c) => c.ErrorEquals.includes(error));
        expect({ name, error, next: catcher?.Next, resultPath: catcher?.ResultPath }).toEqual({ name, error, next: 'RecordFailure', resultPath: '$.failure' });
      }
    }
    const gather = evidenceDefinition().States.Gather?.ItemProcessor?.States.QueryProvider?.Catch ?? [];
    expect(gather.find((c) => c.ErrorEquals.includes('States.DataLimitExceeded'))?.Next).toBe('ProviderFailed');
  });

  it('retries only transient errors, except the last-resort failure recorder', () => {
    const retried = allStates().flatMap(([name, state]) =>
      (state.Retry ?? []).flatMap((retry) => retry.ErrorEquals.map((error) => ({ name, error }))),
    );
    const nonTransient = retried.filter(({ error }) => !TRANSIENT_ERRORS.has(error) && !CHILD_START_ERRORS.has(error));
    // RecordFailure is the only path that marks a failed investigation; giving up on it
    // would end an alert in silence, so it retries whatever went wrong.
    expect(nonTransient).toEqual([{ name: 'RecordFailure', error: 'States.ALL' }]);
  });
});

import { readFileSync } from 'node:fs';
import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { acknowledgeFinding, acknowledgeWildcard, nagArn } from './nag.js';
import { EVIDENCE_ASL, INVESTIGATION_ASL } from './paths.js';

/**
 * The stages the evidence workflow's ASL file names as `${<Stage>FunctionArn}`. The files
 * are the source of truth; these lists must match their placeholders (test/infra/asl.test.ts
 * checks both ways).
 */
export const EVIDENCE_STAGES = ['LoadTenant', 'Score'] as const;

/** The stages the investigation's ASL file names, beside `${EvidenceStateMachineArn}`. */
export const INVESTIGATION_STAGES = ['Reason', 'Record', 'Policy', 'RequestApproval', 'Remediate', 'VerifyOutcome', 'Finish'] as const;

export const STAGES = [...EVIDENCE_STAGES, ...INVESTIGATION_STAGES] as const;

export type Stage = (typeof STAGES)[number];

/** The rule Step Functions manages to learn that a `.sync` child execution ended. */
const SYNC_EVENTS_RULE = 'StepFunctionsGetEventsForStepFunctionsExecutionRule';

/**
 * CloudWatch Logs vended-log delivery and X-Ray calls a state machine's role makes for its
 * logging and tracing have no resource-level permissions.
 */
const LOGGING_WILDCARD_REASON =
  'Step Functions logging and tracing: the CloudWatch Logs vended-log delivery actions (logs:CreateLogDelivery, GetLogDelivery, UpdateLogDelivery, DeleteLogDelivery, ListLogDeliveries, PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups) and X-Ray PutTraceSegments, PutTelemetryRecords, GetSamplingRules and GetSamplingTargets support no resource-level permissions.';

export interface InvestigationProps {
  readonly stages: Readonly<Record<Stage, lambda.IFunction>>;
  /** Invoked by ARN from the Gather Map (`FunctionName.$: $.functionArn`), so not substituted, only granted. */
  readonly providers: readonly lambda.IFunction[];
  readonly logRetention: logs.RetentionDays;
  /** X-Ray traces of every execution, each Lambda call a segment of it. */
  readonly tracing: boolean;
}

interface AslState {
  Type?: string;
  TimeoutSeconds?: number;
  ItemProcessor?: { States: Record<string, AslState> };
  Iterator?: { States: Record<string, AslState> };
  Branches?: Array<{ States: Record<string, AslState> }>;
}

function findState(states: Record<string, AslState>, name: string): AslState | undefined {
  for (const [stateName, state] of Object.entries(states)) {
    if (stateName === name) return state;
    for (const machine of [state.ItemProcessor, state.Iterator, ...(state.Branches ?? [])]) {
      const found = machine && findState(machine.States, name);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The `TimeoutSeconds` the definition files give a Task state (also inside a Map), read from
 * the files themselves, so a function timeout is checked against the limit that really applies.
 */
export function stateTimeoutSeconds(stateName: string): number {
  for (const file of [INVESTIGATION_ASL, EVIDENCE_ASL]) {
    const definition = JSON.parse(readFileSync(file, 'utf8')) as { States: Record<string, AslState> };
    const timeout = findState(definition.States, stateName)?.TimeoutSeconds;
    if (timeout !== undefined) return timeout;
  }
  throw new Error(`neither workflow definition has TimeoutSeconds on a state named ${stateName}`);
}

/**
 * The investigation workflow, loaded from `state-machines/investigation.asl.json` as is:
 * infra knows the file, the file knows no infra. A Standard workflow, because it waits
 * for a human for up to days and every step must be auditable.
 *
 * Its first state starts and awaits the evidence workflow (`state-machines/evidence.asl.json`:
 * LoadTenant, the Gather fan-out over every backend, Score) as an Express workflow, billed
 * by request and duration rather than by transition, so a tenant's every backend no
 * longer adds a billed transition. Its five-minute limit holds the slowest case
 * (LoadTenant 30 s, providers 45 s with a retry, Score seconds); it is bounded at 290 s.
 */
export class Investigation extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly evidence: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: InvestigationProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const substitution = (stages: readonly Stage[]) => Object.fromEntries(stages.map((stage) => [`${stage}FunctionArn`, props.stages[stage].functionArn]));

    // Named, so the investigation's role can name the child's executions; state machine names stop at 80 characters.
    const evidenceName = `${stack.stackName}-evidence`;
    if (evidenceName.length > 80) throw new Error(`the evidence workflow's name ${evidenceName} is over 80 characters: use a shorter stack name`);
    this.evidence = new sfn.StateMachine(this, 'Evidence', {
      stateMachineName: evidenceName,
      stateMachineType: sfn.StateMachineType.EXPRESS,
      definitionBody: sfn.DefinitionBody.fromFile(EVIDENCE_ASL),
      definitionSubstitutions: substitution(EVIDENCE_STAGES),
      timeout: Duration.seconds(290),
      // Express executions have no history of their own: the log at ALL (without data) is where "which provider stopped" is read.
      logs: { destination: this.logGroup('EvidenceLogs', props.logRetention), level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: props.tracing,
    });
    this.allowInvoke(this.evidence, [...EVIDENCE_STAGES.map((stage) => props.stages[stage]), ...props.providers]);
    acknowledgeWildcard(this.evidence.role, '*', LOGGING_WILDCARD_REASON);

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromFile(INVESTIGATION_ASL),
      definitionSubstitutions: { ...substitution(INVESTIGATION_STAGES), EvidenceStateMachineArn: this.evidence.stateMachineArn },
      // Every state transition, for the 3 a.m. question "where did it stop", but no execution data: state carries alert payloads and RCAs.
      logs: { destination: this.logGroup('Logs', props.logRetention), level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: props.tracing,
    });
    this.allowInvoke(this.stateMachine, INVESTIGATION_STAGES.map((stage) => props.stages[stage]));
    // `states:startExecution.sync:2`: start the evidence workflow, follow and stop its executions, and the managed rule that reports their end.
    this.stateMachine.addToRolePolicy(new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [this.evidence.stateMachineArn] }));
    const executions = stack.formatArn({ service: 'states', resource: 'execution', resourceName: `${evidenceName}:*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    this.stateMachine.addToRolePolicy(new iam.PolicyStatement({ actions: ['states:DescribeExecution', 'states:StopExecution'], resources: [executions] }));
    this.stateMachine.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], resources: [stack.formatArn({ service: 'events', resource: 'rule', resourceName: SYNC_EVENTS_RULE })] }),
    );
    acknowledgeWildcard(
      this.stateMachine.role,
      nagArn({ service: 'states', resource: 'execution', separator: ':', resourceName: `${evidenceName}:*` }),
      'Execution names of the evidence workflow are made per run by Step Functions; the grant is held to that one state machine\'s executions, to follow and stop the one it started.',
    );
    acknowledgeWildcard(this.stateMachine.role, '*', LOGGING_WILDCARD_REASON);
    if (!props.tracing) {
      for (const machine of [this.evidence, this.stateMachine]) {
        acknowledgeFinding(machine, 'AwsSolutions-SF2', 'X-Ray tracing turned off by the deployment (the `tracing: false` prop or `-c tracing=false`); the execution history and logs remain.');
      }
    }
  }

  private logGroup(id: string, retention: logs.RetentionDays): logs.LogGroup {
    return new logs.LogGroup(this, id, { retention, removalPolicy: RemovalPolicy.DESTROY });
  }

  /** The ASL invokes each function by its unqualified ARN, never a version or alias, so no `:*` grant. */
  private allowInvoke(machine: sfn.StateMachine, functions: readonly lambda.IFunction[]): void {
    machine.addToRolePolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: functions.map((fn) => fn.functionArn) }));
  }
}

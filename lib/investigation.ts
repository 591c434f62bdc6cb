import { readFileSync } from 'node:fs';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { acknowledgeWildcard } from './nag.js';
import { INVESTIGATION_ASL } from './paths.js';

/**
 * The stages the ASL file names as `${<Stage>FunctionArn}`. The file is the source of
 * truth; this list must match its placeholders (test/infra/asl.test.ts checks both ways).
 */
export const STAGES = ['LoadTenant', 'Score', 'Reason', 'Record', 'Policy', 'RequestApproval', 'Remediate', 'VerifyOutcome', 'Finish'] as const;

export type Stage = (typeof STAGES)[number];

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
 * The `TimeoutSeconds` the definition file gives a Task state (also inside a Map), read from
 * the file itself, so a function timeout is checked against the limit that really applies.
 */
export function stateTimeoutSeconds(stateName: string): number {
  const definition = JSON.parse(readFileSync(INVESTIGATION_ASL, 'utf8')) as { States: Record<string, AslState> };
  const timeout = findState(definition.States, stateName)?.TimeoutSeconds;
  if (timeout === undefined) throw new Error(`the investigation definition has no TimeoutSeconds on a state named ${stateName}`);
  return timeout;
}

/**
 * The investigation workflow, loaded from `state-machines/investigation.asl.json` as is:
 * infra knows the file, the file knows no infra. A Standard workflow, because it waits
 * for a human for up to days and every step must be auditable.
 */
export class Investigation extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: InvestigationProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const definitionSubstitutions = Object.fromEntries(
      STAGES.map((stage) => [`${stage}FunctionArn`, props.stages[stage].functionArn]),
    );

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromFile(INVESTIGATION_ASL),
      definitionSubstitutions,
      // Every state transition, for the 3 a.m. question "where did it stop", but no execution data: state carries alert payloads and RCAs.
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: props.tracing,
    });

    // The ASL invokes each function by its unqualified ARN, never a version or alias, so no `:*` grant.
    this.stateMachine.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [...Object.values(props.stages), ...props.providers].map((fn) => fn.functionArn),
      }),
    );
    acknowledgeWildcard(
      this.stateMachine.role,
      '*',
      'Step Functions logging and tracing: the CloudWatch Logs vended-log delivery actions (logs:CreateLogDelivery, GetLogDelivery, UpdateLogDelivery, DeleteLogDelivery, ListLogDeliveries, PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups) and X-Ray PutTraceSegments, PutTelemetryRecords, GetSamplingRules and GetSamplingTargets support no resource-level permissions.',
    );
  }
}

import { describe, expect, it } from 'vitest';
import { alignTimeoutPaths, LocalStepFunctions, STATE_LIMIT_BYTES } from '../../../local/step-functions.js';
import { tokens } from './fixtures/ask.js';

const ECHO = 'arn:aws:lambda:us-east-1:000000000000:function:echo';
const ASK = 'arn:aws:lambda:us-east-1:000000000000:function:ask';
const functions = new Map([
  [ECHO, new URL('./fixtures/echo.ts', import.meta.url).href],
  [ASK, new URL('./fixtures/ask.ts', import.meta.url).href],
]);

const definition = {
  StartAt: 'Echo',
  States: {
    Echo: { Type: 'Task', Resource: ECHO, ResultPath: '$.echo', TimeoutSeconds: 5, Next: 'Ask' },
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: ASK, Payload: { 'taskToken.$': '$$.Task.Token', 'investigationId.$': '$$.Execution.Name', 'limits.$': '$.limits' } },
      TimeoutSecondsPath: '$.limits.seconds',
      Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.timedOut', Next: 'Done' }],
      ResultPath: '$.answer',
      Next: 'Done',
    },
    Done: { Type: 'Pass', End: true },
  },
};

function machine() {
  return new LocalStepFunctions({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:test', definition: JSON.stringify(definition), functions });
}

async function waitingToken(sfn: LocalStepFunctions, name: string): Promise<string> {
  await sfn.settled(name, 5000);
  return tokens.at(-1)!;
}

describe('LocalStepFunctions', () => {
  it('really runs the handlers (the Node 20 polyfill works) and resumes a callback task on SendTaskSuccess', async () => {
    const sfn = machine();
    const execution = sfn.startExecution('ok-1', JSON.stringify({ limits: { seconds: 30 }, n: 1 }));
    const token = await waitingToken(sfn, 'ok-1');
    expect(token).toMatch(/^local-/);
    expect(execution.status).toBe('RUNNING');
    sfn.sendTaskSuccess(token, JSON.stringify({ decision: 'approved' }));
    await execution.done;
    expect(execution.status).toBe('SUCCEEDED');
    const output = JSON.parse(execution.output!);
    expect(output.echo).toEqual({ echoed: { limits: { seconds: 30 }, n: 1 } });
    expect(output.answer).toEqual({ decision: 'approved' });
    expect(() => sfn.sendTaskSuccess(token, '{}')).toThrow(expect.objectContaining({ name: 'TaskTimedOut' }));
    expect(() => sfn.sendTaskSuccess('local-forged', '{}')).toThrow(expect.objectContaining({ name: 'InvalidToken' }));
  });

  it('fails the task with the error SendTaskFailure names', async () => {
    const sfn = machine();
    const execution = sfn.startExecution('fail-1', JSON.stringify({ limits: { seconds: 30 } }));
    sfn.sendTaskFailure(await waitingToken(sfn, 'fail-1'), 'ApprovalRejected', 'rejected by lead');
    await execution.done;
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('ApprovalRejected');
  });

  it('times a callback task out after the seconds found at TimeoutSecondsPath in the state input', async () => {
    const sfn = machine();
    const execution = sfn.startExecution('slow-1', JSON.stringify({ limits: { seconds: 1 } }));
    const token = await waitingToken(sfn, 'slow-1');
    await execution.done;
    expect(JSON.parse(execution.output!).timedOut.Error).toBe('States.Timeout');
    expect(() => sfn.sendTaskSuccess(token, '{}')).toThrow(expect.objectContaining({ name: 'TaskTimedOut' }));
  });

  it('keeps StartExecution idempotent for the same name and input only', async () => {
    const sfn = machine();
    const input = JSON.stringify({ limits: { seconds: 30 } });
    const first = sfn.startExecution('same', input);
    expect(sfn.startExecution('same', input)).toBe(first);
    expect(() => sfn.startExecution('same', JSON.stringify({ other: true }))).toThrow(expect.objectContaining({ name: 'ExecutionAlreadyExists' }));
    expect(() => sfn.startExecution('bad name!', input)).toThrow(expect.objectContaining({ name: 'InvalidName' }));
    await sfn.stopAll();
    expect(first.status).toBe('ABORTED');
  });

  it('fails a state whose result is over the 256 KiB limit, as AWS would', async () => {
    const sfn = machine();
    const execution = sfn.startExecution('big', JSON.stringify({ bytes: 300 * 1024, limits: { seconds: 30 } }));
    await execution.done;
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('States.DataLimitExceeded');
  });

  it('refuses a task it cannot run locally instead of calling AWS', () => {
    const remote = { StartAt: 'S3', States: { S3: { Type: 'Task', Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k' }, End: true } } };
    expect(() => new LocalStepFunctions({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:t', definition: JSON.stringify(remote), functions })).toThrow(/refusing to call AWS/);
  });

  it('refuses a TimeoutSecondsPath it cannot resolve the way AWS does', () => {
    const states = structuredClone(definition.States) as unknown as Record<string, Record<string, unknown>>;
    states.Ask!.TimeoutSecondsPath = '$.elsewhere.seconds';
    expect(() => alignTimeoutPaths({ States: states })).toThrow(/must start with a field the Payload passes through/);
  });

  it('fails a Map whose collected results exceed the state limit, as AWS does, into that Map’s own Catch', async () => {
    const mapped = (withCatch: boolean) => ({
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Each', States: { Each: { Type: 'Task', Resource: ECHO, TimeoutSeconds: 5, End: true } } },
          ResultPath: '$.results',
          ...(withCatch ? { Catch: [{ ErrorEquals: ['States.DataLimitExceeded'], ResultPath: '$.failure', Next: 'Overflowed' }] } : {}),
          Next: 'Done',
        },
        ...(withCatch ? { Overflowed: { Type: 'Pass', End: true } } : {}),
        Done: { Type: 'Pass', End: true },
      },
    });
    const run = async (withCatch: boolean, bytes: number) => {
      const sfn = new LocalStepFunctions({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:map', definition: JSON.stringify(mapped(withCatch)), functions });
      const execution = sfn.startExecution(`map-${withCatch}-${bytes}`, JSON.stringify({ items: [{ bytes }, { bytes }] }));
      await execution.done;
      return execution;
    };
    const half = Math.floor(STATE_LIMIT_BYTES * 0.6);
    const fits = await run(true, 1000);
    expect(fits.status).toBe('SUCCEEDED');
    expect(JSON.parse(fits.output!).results).toHaveLength(2);
    const caught = await run(true, half);
    expect(caught.status).toBe('SUCCEEDED');
    expect(JSON.parse(caught.output!).failure).toMatchObject({ Error: 'States.DataLimitExceeded' });
    const uncaught = await run(false, half);
    expect(uncaught.status).toBe('FAILED');
  });
});

describe('LocalStepFunctions child workflows (states:startExecution.sync:2)', () => {
  const CHILD = 'arn:aws:states:us-east-1:000000000000:stateMachine:child';
  const parent = {
    StartAt: 'RunChild',
    States: {
      RunChild: {
        Type: 'Task',
        Resource: 'arn:aws:states:::states:startExecution.sync:2',
        Parameters: { StateMachineArn: CHILD, Input: { 'investigationId.$': '$$.Execution.Name', 'bytes.$': '$.bytes' } },
        OutputPath: '$.Output',
        TimeoutSeconds: 30,
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'Failed' }],
        End: true,
      },
      Failed: { Type: 'Pass', End: true },
    },
  };
  const child = { StartAt: 'Echo', States: { Echo: { Type: 'Task', Resource: ECHO, TimeoutSeconds: 5, End: true } } };
  const sfn = () =>
    new LocalStepFunctions({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:parent', definition: JSON.stringify(parent), functions, children: { [CHILD]: JSON.stringify(child) } });

  it('runs the child, hands its output back as JSON, and keeps its events (tagged) and its run time, out of the parent’s own', async () => {
    const execution = sfn().startExecution('child-ok', JSON.stringify({ bytes: 0 }));
    await execution.done;
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output!)).toEqual({ echoed: { investigationId: 'child-ok', bytes: 0 } });
    expect(execution.events.filter((e) => e.child).map((e) => `${e.type} ${e.state ?? ''}`.trim())).toEqual(['ChildExecutionStarted', 'StateEntered Echo', 'StateExited Echo', 'ChildExecutionSucceeded']);
    expect(execution.events.filter((e) => !e.child && e.type === 'StateEntered').map((e) => e.state)).toEqual(['RunChild']);
    expect(execution.children).toHaveLength(1);
  });

  it('fails the task with States.TaskFailed whose Cause carries the child’s own error, as AWS reports a failed child', async () => {
    const execution = sfn().startExecution('child-big', JSON.stringify({ bytes: STATE_LIMIT_BYTES + 1 }));
    await execution.done;
    const failure = JSON.parse(execution.output!).failure as { Error: string; Cause: string };
    expect(failure.Error).toBe('States.TaskFailed');
    expect(JSON.parse(failure.Cause)).toMatchObject({ Status: 'FAILED', Error: 'States.DataLimitExceeded' });
  });
});

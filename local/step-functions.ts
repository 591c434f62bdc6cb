import './polyfills.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { taskStates } from './asl.js';
import { loadHandler } from './functions.js';

/** Step Functions' payload limit between states; the local runtime enforces it so a state that would break on AWS breaks here too. */
export const STATE_LIMIT_BYTES = 256 * 1024;
const TOKEN_PLACEHOLDER = 'causeway-local-task-token-placeholder';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface HistoryEvent {
  type: string;
  timestamp: number;
  state?: string;
  error?: string;
  cause?: string;
  /** Bytes of the state's input (`StateEntered`) and output (`StateExited`) as JSON: what Step Functions counts against its 256 KiB limit. */
  inputBytes?: number;
  outputBytes?: number;
  /** The Map iteration the event belongs to, when it is inside one. */
  index?: number;
  /** The child workflow execution the event belongs to (its `Execution*` events are named `ChildExecution*`); absent for the execution's own. */
  child?: string;
}

export interface Execution {
  executionArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  events: HistoryEvent[];
  /** Tokens this execution is waiting on right now. */
  waitingOn: Set<string>;
  /** The largest payload a state handed a Lambda or got back, in bytes: how close the run came to the 256 KiB limit. */
  maxStateBytes: number;
  /** Every Lambda invocation the execution made, with the handler's own run time: what Lambda would bill, by function. */
  invocations: { functionArn: string; ms: number }[];
  /** Child (Express) workflow executions it started and awaited, with their run time: Express bills requests and duration, not transitions. */
  children: { name: string; durationMs: number }[];
  done: Promise<void>;
  abort: () => void;
}

/** An error with the name Step Functions would report, so Catch and callers see the same thing locally. */
export class StatesError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

interface PendingTask {
  executionName: string;
  state: string;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
}

type InvokeFn = (functionArn: string, payload: unknown) => Promise<unknown>;

export interface LocalStepFunctionsOptions {
  stateMachineArn: string;
  /** The definition with every placeholder already substituted. */
  definition: string;
  functions: Map<string, string>;
  /** Shortens every Retry interval (tests); AWS intervals otherwise. */
  retryIntervalMs?: number;
  /** Shortens every Wait state to this many milliseconds (tests); the ASL's seconds otherwise. */
  waitTimeMs?: number;
  /** Child workflows the definition starts with `states:startExecution.sync:2`, by state machine ARN: their definitions, substituted. */
  children?: Record<string, string>;
}

interface CompiledMachine {
  machine: StateMachine;
  handlers: Record<string, (input: unknown) => Promise<unknown>>;
  retryOverrides: Record<string, number>;
  waitOverrides: Record<string, number>;
}

/** The service integration that starts a child workflow and waits for it, its output as JSON. */
const START_CHILD_SYNC = 'arn:aws:states:::states:startExecution.sync:2';

function jsonRoundTrip(value: unknown, what: string, execution: Execution | undefined): unknown {
  const text = JSON.stringify(value ?? null);
  const bytes = Buffer.byteLength(text);
  if (execution) execution.maxStateBytes = Math.max(execution.maxStateBytes, bytes);
  if (bytes > STATE_LIMIT_BYTES) {
    throw new StatesError('States.DataLimitExceeded', `${what} is ${bytes} bytes; Step Functions allows ${STATE_LIMIT_BYTES}`);
  }
  return JSON.parse(text);
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null));
}

function replaceDeep(value: unknown, from: string, to: string): unknown {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((v) => replaceDeep(v, from, to));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceDeep(v, from, to)]));
  return value;
}

/**
 * AWS resolves a callback task's TimeoutSecondsPath against the state input; the local
 * library resolves it against the effective input (`{ FunctionName, Payload }`). Where the
 * path's first field is passed through unchanged into the Payload (`"policy.$": "$.policy"`),
 * both name the same value, so the runner points the library at the Payload copy. Any
 * other shape is refused rather than run with a different timeout than AWS would use.
 */
export function alignTimeoutPaths(definition: { States: Record<string, Record<string, unknown>> }): void {
  for (const [name, state] of Object.entries(definition.States)) {
    const path = state.TimeoutSecondsPath;
    if (state.Type !== 'Task' || typeof path !== 'string') continue;
    const field = /^\$\.([A-Za-z0-9_]+)(\.|$)/.exec(path)?.[1];
    const payload = (state.Parameters as { Payload?: Record<string, unknown> } | undefined)?.Payload;
    if (!field || !payload || payload[`${field}.$`] !== `$.${field}`) {
      throw new Error(`${name}: TimeoutSecondsPath ${path} must start with a field the Payload passes through as "${field}.$": "$.${field}"`);
    }
    state.TimeoutSecondsPath = `$.Payload.${path.slice(2)}`;
  }
}

/** The Resource of the check states `limitMapOutputs` adds: a Lambda ARN in form, so the library validates it, never called. */
const MAP_LIMIT_RESOURCE = 'arn:aws:lambda:us-east-1:000000000000:function:causeway-local-map-output-limit';

/**
 * AWS fails a Map state whose output (its state with the collected results) exceeds the
 * 256 KiB limit, with States.DataLimitExceeded, which that Map's own Catch may take. The
 * local library checks nothing at a Map, so each top-level Map is followed by a check
 * state, `<Map> output limit`, that fails the same way and carries the Map's Catch: a run
 * whose Gather overflows ends here where it would on AWS. Returns the check states' names.
 */
export function limitMapOutputs(definition: { States: Record<string, Record<string, unknown>> }): string[] {
  const added: string[] = [];
  for (const [name, state] of Object.entries({ ...definition.States })) {
    if (state.Type !== 'Map') continue;
    const check = `${name} output limit`;
    definition.States[check] = {
      Type: 'Task',
      Resource: MAP_LIMIT_RESOURCE,
      ...(state.Catch ? { Catch: state.Catch } : {}),
      ...(state.End ? { End: true } : { Next: state.Next }),
    };
    delete state.End;
    state.Next = check;
    added.push(check);
  }
  return added;
}

/**
 * Runs the real ASL file with aws-local-stepfunctions, each Task bound to the in-process
 * handler of the Lambda it names. Adds what the library lacks: `.waitForTaskToken`
 * with a real token per task, child workflows started and awaited with
 * `states:startExecution.sync:2`, execution names with StartExecution's idempotency, an
 * execution history (with each state's input and output size), and the 256 KiB state
 * limit. A Task it cannot bind is refused at construction: nothing local ever calls AWS.
 */
export class LocalStepFunctions {
  readonly stateMachineArn: string;
  private readonly main: CompiledMachine;
  private readonly children = new Map<string, CompiledMachine>();
  private readonly childAborts = new Map<string, Set<() => void>>();
  private readonly executions = new Map<string, Execution>();
  private readonly pending = new Map<string, PendingTask>();
  private readonly retired = new Set<string>();
  private readonly listeners = new Set<(execution: Execution) => void>();

  constructor(private readonly options: LocalStepFunctionsOptions) {
    this.stateMachineArn = options.stateMachineArn;
    this.main = this.compile(options.definition);
    for (const [arn, definition] of Object.entries(options.children ?? {})) this.children.set(arn, this.compile(definition));
  }

  /** Validates a definition once (the library takes 180–320 ms a time) and binds each of its Task states. */
  private compile(text: string): CompiledMachine {
    const definition = JSON.parse(text) as StateMachineDefinition;
    alignTimeoutPaths(definition as unknown as { States: Record<string, Record<string, unknown>> });
    const mapLimits = new Set(limitMapOutputs(definition as unknown as { States: Record<string, Record<string, unknown>> }));
    const compiled: CompiledMachine = { machine: new StateMachine(definition, { validationOptions: { checkArn: true, checkPaths: true } }), handlers: {}, retryOverrides: {}, waitOverrides: {} };
    for (const task of taskStates(definition as unknown as { States: Record<string, unknown> })) {
      compiled.handlers[task.name] = mapLimits.has(task.name) ? (input) => Promise.resolve(jsonRoundTrip(input, `the output of ${task.name.replace(/ output limit$/, '')}`, this.executions.get(String((input as { investigationId?: unknown }).investigationId)))) : this.bind(task);
      if (this.options.retryIntervalMs !== undefined) compiled.retryOverrides[task.name] = this.options.retryIntervalMs;
    }
    if (this.options.waitTimeMs !== undefined) {
      for (const [name, state] of Object.entries(definition.States)) if (state.Type === 'Wait') compiled.waitOverrides[name] = this.options.waitTimeMs;
    }
    return compiled;
  }

  private invoke: InvokeFn = async (functionArn, payload) => {
    const modulePath = this.options.functions.get(functionArn);
    if (!modulePath) throw new StatesError('Lambda.ResourceNotFoundException', `no local function for ${functionArn}`);
    const handler = await loadHandler(modulePath);
    const context = { functionName: functionArn.split(':').pop(), awsRequestId: randomUUID(), getRemainingTimeInMillis: () => 60_000 };
    const execution = this.executions.get(String((payload as { investigationId?: unknown })?.investigationId));
    const started = performance.now();
    try {
      const result = await handler(jsonRoundTrip(payload, 'the Lambda payload', execution), context);
      return jsonRoundTrip(result, `the result of ${functionArn}`, execution);
    } finally {
      execution?.invocations.push({ functionArn, ms: performance.now() - started });
    }
  };

  private bind(task: ReturnType<typeof taskStates>[number]): (input: unknown) => Promise<unknown> {
    if (task.resource === 'arn:aws:states:::lambda:invoke.waitForTaskToken') {
      if (!task.functionName) throw new Error(`callback task ${task.name} must name its function statically`);
      const functionArn = task.functionName;
      return (input) => this.runCallbackTask(task.name, functionArn, (input as { Payload: unknown }).Payload);
    }
    if (task.resource === 'arn:aws:states:::lambda:invoke') {
      return async (input) => {
        const { FunctionName, Payload } = input as { FunctionName: string; Payload: unknown };
        return { Payload: await this.invoke(FunctionName, Payload), StatusCode: 200, ExecutedVersion: '$LATEST' };
      };
    }
    if (task.resource === START_CHILD_SYNC) return (input) => this.runChild(input as { StateMachineArn: string; Input: unknown });
    if (this.options.functions.has(task.resource)) return (input) => this.invoke(task.resource, input);
    throw new Error(`task ${task.name} uses ${task.resource}, which the local runtime cannot run; refusing to call AWS`);
  }

  /**
   * `states:startExecution.sync:2` of a child workflow: runs it as AWS runs an Express child
   * started and awaited by its parent, answering `{ Output, Status, ExecutionArn }` with the
   * output as JSON. A failed child fails the task with States.TaskFailed and a Cause that
   * carries the child's own Error and Cause. Its events go into the parent's history, each
   * tagged with the child's name; its run time is kept for pricing (`children`).
   */
  private async runChild(input: { StateMachineArn: string; Input: unknown }): Promise<unknown> {
    const child = this.children.get(input.StateMachineArn);
    if (!child) throw new StatesError('StepFunctions.StateMachineDoesNotExistException', `no local state machine ${input.StateMachineArn}`);
    const parent = this.executions.get(String((input.Input as { investigationId?: unknown })?.investigationId));
    const name = randomUUID();
    const executionArn = `${input.StateMachineArn.replace(':stateMachine:', ':express:')}:${name}:${name}`;
    const childInput = jsonRoundTrip(input.Input, 'the input of the child workflow', parent);
    const started = performance.now();
    const run = child.machine.run(childInput as never, {
      overrides: { taskResourceLocalHandlers: child.handlers as never, retryIntervalOverrides: child.retryOverrides, waitTimeOverrides: child.waitOverrides },
      context: { Execution: { Id: executionArn, Name: name, StartTime: new Date().toISOString(), Input: childInput }, StateMachine: { Id: input.StateMachineArn, Name: input.StateMachineArn.split(':').pop() } } as never,
    });
    const aborts = parent ? (this.childAborts.get(parent.name) ?? this.childAborts.set(parent.name, new Set()).get(parent.name)!) : undefined;
    aborts?.add(run.abort);
    const history = parent ? this.recordHistory(parent, run.eventLogs, name) : Promise.resolve();
    let output: unknown;
    try {
      output = await run.result;
    } catch (error) {
      await history;
      const failure = parent?.events.filter((e) => e.child === name && (e.type === 'StateFailed' || e.type === 'ChildExecutionFailed')).at(-1);
      throw new StatesError('States.TaskFailed', JSON.stringify({ ExecutionArn: executionArn, StateMachineArn: input.StateMachineArn, Status: 'FAILED', Error: failure?.error ?? (error as Error).name, Cause: failure?.cause ?? (error as Error).message }));
    } finally {
      aborts?.delete(run.abort);
      parent?.children.push({ name, durationMs: performance.now() - started });
    }
    await history;
    return { ExecutionArn: executionArn, StateMachineArn: input.StateMachineArn, Status: 'SUCCEEDED', Output: jsonRoundTrip(output, `the output of child workflow ${name}`, parent) };
  }

  /** Like AWS: a fresh token per attempt, the handler's return value ignored, the result whatever SendTask* says. */
  private async runCallbackTask(state: string, functionArn: string, payload: unknown): Promise<unknown> {
    const token = `local-${randomBytes(24).toString('base64url')}`;
    const executionName = (payload as { investigationId?: string })?.investigationId ?? 'unknown';
    const outcome = new Promise<unknown>((resolve, reject) => this.pending.set(token, { executionName, state, resolve, reject }));
    outcome.catch(() => undefined);
    try {
      await this.invoke(functionArn, replaceDeep(payload, TOKEN_PLACEHOLDER, token));
    } catch (error) {
      this.retire(token);
      throw error;
    }
    const execution = this.executions.get(executionName);
    if (execution && this.pending.has(token)) {
      execution.waitingOn.add(token);
      this.notify(execution);
    }
    return outcome;
  }

  private retire(token: string): void {
    this.pending.delete(token);
    this.retired.add(token);
    for (const execution of this.executions.values()) execution.waitingOn.delete(token);
  }

  private notify(execution: Execution): void {
    for (const listener of this.listeners) listener(execution);
  }

  /** StartExecution semantics: a name is used once; the same name and input again return the running execution. */
  startExecution(name: string, input: string): Execution {
    const existing = this.executions.get(name);
    if (existing) {
      if (existing.input === input && existing.status === 'RUNNING') return existing;
      throw new StatesError('ExecutionAlreadyExists', `Execution Already Exists: '${existing.executionArn}'`);
    }
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new StatesError('InvalidName', `invalid execution name: ${name}`);
    const executionArn = `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    // Registered before it runs: the library enters the first state within run(), and its handlers look the execution up.
    let run: ReturnType<StateMachine['run']> | undefined;
    const execution: Execution = {
      executionArn,
      name,
      input,
      status: 'RUNNING',
      startDate: new Date(),
      events: [],
      waitingOn: new Set(),
      maxStateBytes: 0,
      invocations: [],
      children: [],
      done: Promise.resolve(),
      abort: () => {
        run?.abort();
        for (const abortChild of this.childAborts.get(name) ?? []) abortChild();
      },
    };
    this.executions.set(name, execution);
    run = this.main.machine.run(JSON.parse(input), {
      overrides: { taskResourceLocalHandlers: this.main.handlers as never, retryIntervalOverrides: this.main.retryOverrides, waitTimeOverrides: this.main.waitOverrides },
      context: {
        Execution: { Id: executionArn, Name: name, StartTime: new Date().toISOString(), Input: JSON.parse(input) },
        StateMachine: { Id: this.stateMachineArn, Name: this.stateMachineArn.split(':').pop() },
        Task: { Token: TOKEN_PLACEHOLDER },
      } as never,
    });
    void this.recordHistory(execution, run.eventLogs);
    execution.done = run.result.then(
      (output) => this.close(execution, 'SUCCEEDED', { output: JSON.stringify(output) }),
      (error: Error) => {
        const status: ExecutionStatus = error.name === 'ExecutionAbortedError' ? 'ABORTED' : error.name === 'ExecutionTimeoutError' ? 'TIMED_OUT' : 'FAILED';
        const failure = this.lastFailure(execution);
        this.close(execution, status, { error: failure?.error ?? error.name, cause: failure?.cause ?? error.message });
      },
    );
    return execution;
  }

  private lastFailure(execution: Execution): HistoryEvent | undefined {
    return [...execution.events].reverse().find((e) => !e.child && (e.type === 'ExecutionFailed' || e.type === 'StateFailed'));
  }

  private async recordHistory(execution: Execution, logs: AsyncGenerator<{ type: string; timestamp: number; index?: number; state?: { name: string; input?: unknown; output?: unknown }; Error?: string; Cause?: unknown }>, child?: string) {
    for await (const event of logs) {
      const entered = event.type === 'StateEntered' && event.state;
      const exited = event.type === 'StateExited' && event.state;
      execution.events.push({
        type: child && event.type.startsWith('Execution') ? `Child${event.type}` : event.type,
        ...(child ? { child } : {}),
        timestamp: event.timestamp,
        state: event.state?.name,
        error: event.Error,
        cause: event.Cause === undefined ? undefined : typeof event.Cause === 'string' ? event.Cause : JSON.stringify(event.Cause),
        ...(entered ? { inputBytes: jsonBytes(event.state!.input) } : {}),
        ...(exited ? { outputBytes: jsonBytes(event.state!.output) } : {}),
        ...(event.index !== undefined ? { index: event.index } : {}),
      });
      if ((event.type === 'StateFailed' || event.type === 'StateExited' || event.type === 'StateCaught') && event.state) {
        for (const [token, task] of this.pending) if (task.executionName === execution.name && task.state === event.state.name) this.retire(token);
        this.notify(execution);
      }
    }
  }

  private close(execution: Execution, status: ExecutionStatus, fields: Partial<Execution>): void {
    Object.assign(execution, fields, { status, stopDate: new Date() });
    for (const [token, task] of this.pending) {
      if (task.executionName === execution.name) {
        task.reject(new StatesError('ExecutionEnded', 'the execution ended'));
        this.retire(token);
      }
    }
    this.notify(execution);
  }

  describeExecution(executionArn: string): Execution {
    const execution = [...this.executions.values()].find((e) => e.executionArn === executionArn);
    if (!execution) throw new StatesError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return execution;
  }

  listExecutions(): Execution[] {
    return [...this.executions.values()];
  }

  private takeToken(token: string): PendingTask {
    const task = this.pending.get(token);
    if (task) {
      this.retire(token);
      return task;
    }
    if (this.retired.has(token)) throw new StatesError('TaskTimedOut', 'Task Timed Out');
    throw new StatesError('InvalidToken', 'Invalid token');
  }

  sendTaskSuccess(token: string, output: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(output);
    } catch {
      throw new StatesError('InvalidOutput', 'output is not JSON');
    }
    this.takeToken(token).resolve(parsed);
  }

  sendTaskFailure(token: string, error = 'States.TaskFailed', cause = ''): void {
    this.takeToken(token).reject(new StatesError(error, cause));
  }

  /**
   * Resolves once the execution has ended or is waiting on a callback token: the point
   * at which `investigate` and `eval` have everything to show.
   */
  settled(name: string, timeoutMs = 120_000): Promise<Execution> {
    return new Promise((resolve, reject) => {
      const check = (execution: Execution) => {
        if (execution.name !== name) return false;
        if (execution.status !== 'RUNNING' || execution.waitingOn.size > 0) {
          cleanup();
          resolve(execution);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`execution ${name} did not settle within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      const execution = this.executions.get(name);
      if (execution) check(execution);
    });
  }

  /** StopExecution: aborts one execution (its pending tokens are retired when it closes). */
  stopExecution(name: string): Promise<void> {
    const execution = this.executions.get(name);
    if (!execution) throw new StatesError('ExecutionDoesNotExist', `Execution Does Not Exist: '${name}'`);
    if (execution.status === 'RUNNING') execution.abort();
    return execution.done;
  }

  /** Aborts every running execution and settles its pending tokens, since aborting does not stop running handlers. */
  async stopAll(): Promise<void> {
    for (const execution of this.executions.values()) {
      if (execution.status === 'RUNNING') execution.abort();
    }
    await Promise.allSettled([...this.executions.values()].map((e) => e.done));
  }
}

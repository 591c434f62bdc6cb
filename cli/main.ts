import { parseArgs } from 'node:util';
import { FileError } from './file-error.js';
import { styleFor } from './style.js';

/*
 * Each command's module is imported only when that command runs: the local stack, the AWS
 * SDK and the pipeline behind them are not loaded to print the usage or refuse a typo.
 */

const USAGE = `causeway — a causal operations layer for AWS

usage:
  causeway start                      run the local stack, send the demo alert, serve approvals (Ctrl-C to stop)
  causeway investigate FILE [--json]  run one scenario through the local pipeline and print the RCA (or the record)
  causeway eval PATH… [--json] [--llm] [--fail-under TOP1]
                                      run every scenario in the files or folders and print the scorecard;
                                      --llm also scores the model from CAUSEWAY_LLM_BASE_URL/_MODEL/_API_KEY;
                                      --fail-under 0.9 exits 1 when top-1 is below it (after the scorecard)
  causeway ask INVESTIGATION "QUESTION" [--tenant demo] [--url URL --token TOKEN]
                                      ask a follow-up question, answered from the investigation's evidence
  causeway list [--service S] [--status S[,S…]] [--since 24h|ISO] [--limit N] [--cursor C] [--json]
                                      the tenant's investigations, newest first
  causeway show INVESTIGATION [--json]
                                      one investigation: the RCA and its audit trail (or the record as JSON)
                                      list and show read the running local stack (or .causeway/); with --aws a
                                      deployed one: --url or CAUSEWAY_API_URL (else the stack's ApiUrl output),
                                      --token or CAUSEWAY_API_TOKEN; --tenant picks the tenant (default demo)
  causeway capture SIGNAL --tenant ID --source SOURCE --out FILE
                                      investigate a live alert payload against the tenant's live backends,
                                      recording every backend exchange (a golden run)
  causeway replay FILE [--json]       replay a golden run offline; exits 1 if the result differs
  causeway export-scenario ID [--out FILE] [--tenant demo] [--aws [--stack Causeway] [--region R]]
                                      write the investigation as a causeway.scenario/v1 file, expected
                                      from the answer confirmed through feedback (an evaluation case)
  causeway tenant put FILE            register a tenant and its secrets in the local stack (.causeway/)
  causeway tenant put FILE --aws [--stack Causeway] [--region R]
                                      the same, into a deployed stack (its table and Secrets Manager)
`;

const OPTIONS = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
  aws: { type: 'boolean', default: false },
  stack: { type: 'string', default: 'Causeway' },
  region: { type: 'string' },
  llm: { type: 'boolean', default: false },
  tenant: { type: 'string', default: 'demo' },
  url: { type: 'string' },
  token: { type: 'string' },
  source: { type: 'string' },
  out: { type: 'string' },
  service: { type: 'string' },
  status: { type: 'string' },
  since: { type: 'string' },
  limit: { type: 'string' },
  cursor: { type: 'string' },
  'fail-under': { type: 'string' },
} as const;

/** A usage mistake: said on stderr with the usage, exit code 2. */
function usageError(message: string): number {
  process.stderr.write(`causeway: ${message}\n\n${USAGE}`);
  return 2;
}

/**
 * Parses the command line and runs one command; returns the process exit code: 0 done (and
 * for --help / -h), 1 the command failed (or eval scored under --fail-under), 2 a usage
 * mistake such as an unknown command or option, or a file given that cannot be used (named,
 * before any local stack starts).
 */
export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    process.stderr.write(`causeway: ${error.message}\n`);
    return 2;
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    return usageError(((error as Error).message.split('.')[0] ?? 'bad option').replace(/^Unknown option/, 'unknown option'));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const out = (text: string) => process.stdout.write(`${text}\n`);
  const style = styleFor(process.stdout);
  switch (command) {
    case 'start':
      return (await import('./start.js')).start(out);
    case 'investigate':
      if (positionals.length !== 1) break;
      return (await import('./commands.js')).investigate(positionals[0]!, values.json === true, out, style);
    case 'eval': {
      if (positionals.length === 0) break;
      const failUnder = values['fail-under'] === undefined ? undefined : Number(values['fail-under']);
      if (failUnder !== undefined && !(failUnder >= 0 && failUnder <= 1)) return usageError(`--fail-under takes a fraction from 0 to 1, such as 0.9, not ${JSON.stringify(values['fail-under'])}`);
      const [{ evaluate }, { evalProgress }] = await Promise.all([import('./commands.js'), import('./progress.js')]);
      const progress = evalProgress(process.stderr, styleFor(process.stderr));
      const { summary } = await evaluate(positionals, values.json === true, out, { llm: values.llm === true, style, onStart: progress.start, onRow: progress.row }).finally(progress.end);
      if (failUnder !== undefined && summary.top1 < failUnder) {
        process.stderr.write(`causeway: top-1 ${summary.top1} is below --fail-under ${failUnder}\n`);
        return 1;
      }
      return 0;
    }
    case 'ask':
      if (positionals.length !== 2) break;
      return (await import('./ask.js')).askCommand(positionals[0]!, positionals[1]!, { tenant: values.tenant as string, url: values.url as string | undefined, token: values.token as string | undefined }, out);
    case 'list':
    case 'show': {
      const read = { tenant: values.tenant as string, aws: values.aws === true, stack: values.stack as string, region: values.region as string | undefined, url: values.url as string | undefined, token: values.token as string | undefined, json: values.json === true };
      const { listCommand, showCommand } = await import('./read.js');
      if (command === 'list' && positionals.length === 0) return listCommand({ ...read, service: values.service as string | undefined, status: values.status as string | undefined, since: values.since as string | undefined, limit: values.limit as string | undefined, cursor: values.cursor as string | undefined }, out);
      if (command === 'show' && positionals.length === 1) return showCommand(positionals[0]!, read, out);
      break;
    }
    case 'capture':
      if (positionals.length !== 1 || !values.source || !values.out) break;
      return (await import('./golden-commands.js')).captureCommand(positionals[0]!, { tenant: values.tenant as string, source: values.source as string, out: values.out as string }, out);
    case 'replay':
      if (positionals.length !== 1) break;
      return (await import('./golden-commands.js')).replayCommand(positionals[0]!, values.json === true, out, style);
    case 'export-scenario':
      if (positionals.length !== 1) break;
      return (await import('./export-command.js')).exportScenarioCommand(positionals[0]!, { tenant: values.tenant as string, out: values.out as string | undefined, aws: values.aws === true, stack: values.stack as string, region: values.region as string | undefined }, out);
    case 'tenant':
      if (positionals[0] !== 'put' || positionals.length !== 2) break;
      return (await import('./tenant.js')).putTenantCommand(positionals[1]!, { aws: values.aws === true, stack: values.stack as string, region: values.region as string | undefined }, out);
    case undefined:
    case 'help':
      out(USAGE);
      return 0;
    default:
      return usageError(`unknown command ${JSON.stringify(command)}`);
  }
  return usageError(`${command} was given the wrong arguments`);
}

import { parseArgs } from 'node:util';
import { evaluate, investigate } from './commands.js';
import { start } from './start.js';
import { putTenantCommand } from './tenant.js';

const USAGE = `causeway — a causal operations layer for AWS

usage:
  causeway start                      run the local stack, send the demo alert, serve approvals (Ctrl-C to stop)
  causeway investigate FILE [--json]  run one scenario through the local pipeline and print the RCA (or the record)
  causeway eval PATH… [--json]        run every scenario in the files or folders and print the scorecard
  causeway tenant put FILE            register a tenant and its secrets in the local stack (.causeway/)
  causeway tenant put FILE --aws [--stack Causeway] [--region R]
                                      the same, into a deployed stack (its table and Secrets Manager)
`;

/** Parses the command line and runs one command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: {
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
      aws: { type: 'boolean', default: false },
      stack: { type: 'string', default: 'Causeway' },
      region: { type: 'string' },
    },
  });
  const out = (text: string) => process.stdout.write(`${text}\n`);
  switch (command) {
    case 'start':
      return start(out);
    case 'investigate':
      if (positionals.length !== 1) break;
      return investigate(positionals[0]!, values.json === true, out);
    case 'eval':
      if (positionals.length === 0) break;
      await evaluate(positionals, values.json === true, out);
      return 0;
    case 'tenant':
      if (positionals[0] !== 'put' || positionals.length !== 2) break;
      return putTenantCommand(positionals[1]!, { aws: values.aws === true, stack: values.stack as string, region: values.region as string | undefined }, out);
    case undefined:
    case 'help':
      out(USAGE);
      return 0;
  }
  process.stderr.write(USAGE);
  return 2;
}

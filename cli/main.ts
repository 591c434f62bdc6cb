import { parseArgs } from 'node:util';
import { evaluate, investigate } from './commands.js';
import { start } from './start.js';

const USAGE = `causeway — a causal operations layer for AWS

usage:
  causeway start                      run the local stack, send the demo alert, serve approvals (Ctrl-C to stop)
  causeway investigate FILE [--json]  run one scenario through the local pipeline and print the RCA (or the record)
  causeway eval PATH… [--json]        run every scenario in the files or folders and print the scorecard
`;

/** Parses the command line and runs one command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
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
    case undefined:
    case 'help':
      out(USAGE);
      return 0;
  }
  process.stderr.write(USAGE);
  return 2;
}

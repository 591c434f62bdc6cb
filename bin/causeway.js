#!/usr/bin/env node
// The `causeway` command: runs the TypeScript CLI through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

// Deployed Lambdas run Node 22; the SDK's notice about Node 20 only clutters a laptop run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../cli/main.ts');
// Exit only once stdout has drained: a piped `eval --json` is cut short if the process exits
// while the pipe still holds the end of it.
const exitWhenFlushed = (code) => process.stdout.write('', () => process.exit(code));
main(process.argv.slice(2)).then(exitWhenFlushed, (error) => {
  process.stderr.write(`causeway: ${error instanceof Error ? error.message : String(error)}\n`);
  exitWhenFlushed(1);
});

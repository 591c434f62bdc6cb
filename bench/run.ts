import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Runs each benchmark in its own process (a local stack is one per process) and prints
 * the figures the README carries. Nothing here is a test: it measures and prints.
 */
const benches = ['bundle.ts', 'ingest.ts', 'pipeline.ts', 'fanout.ts', 'score-scale.ts', 'reference.ts'].filter((b) => existsSync(new URL(b, import.meta.url)));
for (const bench of benches) {
  process.stdout.write(`\n# ${bench}\n`);
  execFileSync(process.execPath, ['--import', 'tsx', new URL(bench, import.meta.url).pathname], { stdio: 'inherit', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
}

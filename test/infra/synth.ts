import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { CausewayStack, type CausewayStackProps } from '../../lib/causeway-stack.js';
import { REPO_ROOT } from '../../lib/paths.js';

export interface Synthesized {
  readonly template: Template;
  readonly assembly: CloudAssembly;
  readonly stack: CausewayStack;
}

/**
 * Synthesizes the stack as `cdk synth` would: same stack id and the feature flags from
 * cdk.json (the CLI passes them as context; a bare `new App()` would not see them).
 *
 * `bundle: false` skips esbuild for suites that do not look at Lambda code (the entry
 * files must still exist). The CloudFormation validation plugin is off: it re-checks
 * the template we assert on here, and costs about two seconds a synth.
 */
export function synthCauseway({ bundle, props = {} }: { bundle: boolean; props?: CausewayStackProps }): Synthesized {
  process.env.CDK_VALIDATION = 'false';
  const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  const context: Record<string, unknown> = { ...cdkJson.context };
  if (!bundle) context['aws:cdk:bundling-stacks'] = [];

  const app = new App({ context });
  const stack = new CausewayStack(app, 'Causeway', props);
  const assembly = app.synth();
  return { template: Template.fromStack(stack), assembly, stack };
}

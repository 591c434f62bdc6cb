import { Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Causeway } from './causeway.js';
import type { CausewayProps } from './causeway-props.js';

export interface CausewayStackProps extends StackProps, CausewayProps {
  /** Deployment name (`dev`, `prod`, …), tagged on every resource to tell installations apart. */
  readonly environment?: string;
}

/**
 * This repository's own deployment: one stack holding the {@link Causeway} construct,
 * tagged with the deployment's name.
 *
 * The construct's id is `Default`, which CDK leaves out of logical ids, so the resources
 * keep the ids they had when the stack built them itself and an existing deployment
 * updates in place (the table, which is retained, is never replaced by a new one).
 */
export class CausewayStack extends Stack {
  readonly causeway: Causeway;

  constructor(scope: Construct, id: string, props: CausewayStackProps = {}) {
    super(scope, id, props);
    Tags.of(this).add('causeway:environment', props.environment ?? 'dev');
    this.causeway = new Causeway(this, 'Default', props);
  }
}

import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

/**
 * Runs cdk-nag's AWS Solutions rules on every synth (`cdk synth`, `cdk deploy`) of this
 * repository's app: a finding that is neither fixed nor acknowledged with its reason stops
 * the synth. Kept apart from the construct, which must not need cdk-nag to load.
 */
export function addSecurityChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

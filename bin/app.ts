import { App } from 'aws-cdk-lib';
import { CausewayStack } from '../lib/causeway-stack.js';
import { addSecurityChecks } from '../lib/nag.js';

const app = new App();
addSecurityChecks(app);
const environment: unknown = app.node.tryGetContext('environment');
const alarmTenant: unknown = app.node.tryGetContext('alarmTenant');

new CausewayStack(app, 'Causeway', {
  description: 'Causeway: alerts in, a grounded root cause out, bounded fixes behind a human click.',
  environment: typeof environment === 'string' ? environment : undefined,
  alarmTenant: typeof alarmTenant === 'string' ? alarmTenant : undefined,
});

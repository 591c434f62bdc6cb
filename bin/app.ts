import { App } from 'aws-cdk-lib';
import { CausewayStack } from '../lib/causeway-stack.js';
import { addSecurityChecks } from '../lib/security-checks.js';
import { listSetting } from '../lib/remediation.js';

/*
 * This repository's deployment: the Causeway construct in one stack, its settings taken
 * from `-c name=value` context (see the README's Deploy section).
 */

const app = new App();
addSecurityChecks(app);
const context = (name: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(name);
  return typeof value === 'string' ? value : undefined;
};

new CausewayStack(app, 'Causeway', {
  description: 'Causeway: alerts in, a grounded root cause out, bounded fixes behind a human click.',
  environment: context('environment'),
  alarmTenant: context('alarmTenant'),
  operatorEmail: context('operatorEmail'),
  remediationActions: listSetting(app.node.tryGetContext('remediationActions')),
  remediationParameterPath: context('remediationParameterPath'),
  runbookDocuments: listSetting(app.node.tryGetContext('runbookDocuments')),
  referenceOffsets: listSetting(app.node.tryGetContext('referenceOffsets')),
  sourceMaps: context('sourceMaps') === 'true',
  tracing: context('tracing') !== 'false',
});

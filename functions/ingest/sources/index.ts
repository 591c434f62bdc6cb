import type { SignalSource } from '../../contracts/signal.js';
import { alertmanagerAdapter } from './alertmanager/index.js';
import { cloudWatchSnsAdapter } from './cloudwatch-sns/index.js';
import { cloudWatchAdapter } from './cloudwatch/index.js';
import { datadogAdapter } from './datadog/index.js';
import { genericAdapter } from './generic/index.js';
import { grafanaAdapter } from './grafana/index.js';
import { opsgenieAdapter } from './opsgenie/index.js';
import { pagerDutyAdapter } from './pagerduty/index.js';
import type { SourceAdapter } from './types.js';

export type { Handshake, InboundRequest, NormalizeContext, SourceAdapter, VerifyDeps } from './types.js';
export { parseWebhookCredentials, WebhookCredentials } from './credentials.js';
export { GenericAlert } from './generic/schema.js';

/** Keyed by SignalSource, so adding a source to the contract fails to compile until it has an adapter. */
const ADAPTERS: Record<SignalSource, SourceAdapter> = {
  alertmanager: alertmanagerAdapter,
  pagerduty: pagerDutyAdapter,
  cloudwatch: cloudWatchAdapter,
  'cloudwatch-sns': cloudWatchSnsAdapter,
  grafana: grafanaAdapter,
  datadog: datadogAdapter,
  opsgenie: opsgenieAdapter,
  generic: genericAdapter,
};

/** The adapter for a source; the route has already checked `source` against SignalSource. */
export function getSourceAdapter(source: SignalSource): SourceAdapter {
  return ADAPTERS[source];
}

/*
 * The package's entry: the Causeway construct, its props, and the names a consumer needs
 * to configure it (provider types, remediation kinds) or to build on it (the parts it exposes).
 */
export { Causeway } from './causeway.js';
export { SELF_HOSTED_PROVIDERS, type CausewayMemoryProps, type CausewayNetworkProps, type CausewayProps, type CausewayTimeoutProps } from './causeway-props.js';
export { CausewayStack, type CausewayStackProps } from './causeway-stack.js';
export { PROVIDER_TYPES, type ProviderType } from './providers.js';
export { REMEDIATION_KINDS, type RemediationKindName } from './remediation.js';
export type { AlarmEvents } from './alarm-events.js';
export type { CausewayApi } from './api.js';
export type { CausewaySecrets } from './secrets.js';
export type { InvestigationTable } from './table.js';

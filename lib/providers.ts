/**
 * Backend types that get a provider Lambda (`functions/providers/<type>/handler.ts`).
 * Everything else — the function, its secret access, the state machine's permission to
 * invoke it and its entry in LoadTenant's `PROVIDER_FUNCTIONS` — follows from this list,
 * so adding a backend is one line here.
 */
export const PROVIDER_TYPES = ['scenario'] as const;

export type ProviderType = (typeof PROVIDER_TYPES)[number];

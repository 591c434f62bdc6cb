import { ownLinesName, type ServiceProfile } from './propagation.js';
import type { SignalFamily } from './types.js';
import { namesWhatFailed } from './victims.js';

/** A service's own account of what went wrong with it: its error lines, exceptions and the runtime's events about its units. */
const ACCOUNT: readonly SignalFamily[] = ['log_error', 'exception', 'runtime_crash', 'runtime_node', 'runtime_other', 'runtime_leak', 'runtime_throttle'];

/**
 * Whether a service that no call or shared piece joins to a changed service says, in
 * its own account of its failures (error lines, exceptions, the runtime's events about
 * its units), that the change reached it: the account names the changed service ("quote
 * from fx-pricer … differs"), or two or more of the change summary's distinctive words
 * ("unknown kid … JWKS" after a key was removed from the JWKS; "preempted … priority
 * high-priority" after a priority class was added). The topology draws calls, not every
 * way an effect travels (a token its issuer signs and a bus verifies, a scheduler's
 * priority on a shared node pool, a quote passed on through a ledger), so the victim's
 * own words stand for the path the graph does not show.
 */
export function toldOfChange(summary: string, p: ServiceProfile, changed: string): boolean {
  return ownLinesName(p, ACCOUNT, changed) || namesWhatFailed(summary, p, ACCOUNT);
}

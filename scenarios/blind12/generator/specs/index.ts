import { h, m, type Spec } from '../lib.js';
import { CHANGES } from './changes.js';
import { CLASSES } from './classes.js';
import { firingFor } from './common.js';
import { EXTRA } from './extra.js';
import { POSTMORTEMS_A } from './postmortems-a.js';
import { POSTMORTEMS_B } from './postmortems-b.js';
import { POSTMORTEMS_C } from './postmortems-c.js';
import { POSTMORTEMS_D } from './postmortems-d.js';

/** Alerts that reach Causeway after firing for hours: a repeat, an escalation or a re-notification. */
const FIRING_FOR: Record<string, number> = {
  'arcadia-game-platform-outage-escalated': h(4),
  'directdebit-api-writes-failing': h(1) + m(30),
  'codehost-db-load-spam-wave': h(2),
  'quickbank-otp-logins-failing': h(2),
  'geomatch-evening-peak-slow': h(2),
  'hostwave-dns-probes-servfail': h(6),
};

export const SPECS: Spec[] = [...POSTMORTEMS_A, ...POSTMORTEMS_B, ...POSTMORTEMS_C, ...POSTMORTEMS_D, ...CHANGES, ...CLASSES, ...EXTRA].map((spec) =>
  FIRING_FOR[spec.name] ? firingFor(spec, FIRING_FOR[spec.name]!) : spec,
);

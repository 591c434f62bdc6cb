import type { Spec } from '../lib.js';
import { A } from './a.js';
import { B } from './b.js';
import { C } from './c.js';
import { D } from './d.js';
import { E } from './e.js';
import { F } from './f.js';
import { G } from './g.js';

/** The rest of each shop: healthy services around the incident, so topologies are not just the failing path. */
const BYSTANDERS: Record<string, Array<[string, string]>> = {
  'coverstate-launch-portal-timeouts': [['web-portal', 'help-center'], ['web-portal', 'cms'], ['plan-browse', 'provider-directory'], ['account-svc', 'notices-mailer'], ['notices-mailer', 'print-vendor-sync']],
  'fileright-intake-pool-too-small': [['filer-web', 'prior-year-import'], ['filer-web', 'payments-api'], ['refund-status', 'irs-status-poller'], ['efile-intake', 'audit-trail']],
  'applynow-deadline-night-submissions-drop': [['submit-web', 'recommendation-letters'], ['submit-web', 'fee-waiver'], ['form-store', 'transcript-import']],
  'carbonx-opening-cross-stalls': [['order-gateway', 'drop-copy'], ['md-publisher', 'vendor-feed'], ['cross-engine', 'surveillance'], ['risk-check', 'member-limits']],
  'harbor-cu-overnight-posting-backlog': [['core-banking', 'teller-ui'], ['core-banking', 'ach-gateway'], ['batch-scheduler', 'gl-reconcile'], ['core-banking', 'card-processing']],
  'bluewake-voyage-plans-stuck': [['voyage-portal', 'crew-roster'], ['voyage-portal', 'weather-routing'], ['berth-sched', 'pilotage-booking']],
  'loopnet-subscriber-api-timeouts-everywhere': [['subscriber-api', 'outage-map'], ['billing', 'invoice-pdf'], ['provisioning', 'cpe-firmware'], ['subscriber-api', 'support-chat']],
  'streamloft-playback-errors-after-mitigation-push': [['playback-api', 'recommendations'], ['playback-api', 'watch-history'], ['origin-shield', 'packager'], ['entitlements', 'subscriptions']],
  'shieldpath-scrubbing-withdraws-customer-prefixes': [['customer-portal', 'billing'], ['scrub-gateway', 'flow-collector'], ['policy-api', 'audit-log']],
  'lexmail-new-year-transport-queue': [['mail-relay', 'archiver'], ['mx-inbound', 'spam-filter'], ['mailbox-store', 'search-index'], ['mail-relay', 'dlp-check']],
  'farmtrack-telemetry-rejected-as-too-old': [['mobile-api', 'weather'], ['mobile-api', 'fleet-admin'], ['rules-engine', 'notify'], ['telemetry-ingest', 'raw-archive']],
  'payharbor-payroll-runs-failing-after-power-event': [['payroll-api', 'timesheets'], ['payroll-api', 'employee-portal'], ['tax-calc', 'filings'], ['bank-file', 'sftp-drop']],
  'quotenest-quote-errors-one-zone': [['quote-api', 'broker-portal'], ['quote-api', 'documents'], ['fraud-score', 'device-intel'], ['rating-engine', 'reinsurance-rules']],
  'camvault-clip-store-slow-memory-pressure': [['viewer-api', 'motion-search'], ['camera-ingest', 'thumbnailer'], ['viewer-api', 'alerts-push']],
  'adpulse-customer-log-delivery-drop': [['edge-collector', 'bot-filter'], ['customer-push', 'delivery-audit'], ['log-router', 'internal-analytics'], ['customer-push', 'usage-billing']],
  'nestegg-member-portal-database-gone': [['member-portal', 'cms'], ['advice-api', 'projections'], ['member-portal', 'secure-mail']],
  'noteforge-notebook-starts-failing': [['notebook-api', 'grading'], ['notebook-api', 'datasets'], ['course-sync', 'plagiarism-check'], ['kernel-pool', 'image-cache']],
  'crateyard-package-reads-stall': [['pkg-api', 'download-stats'], ['publish-worker', 'malware-scan'], ['pkg-api', 'web-ui'], ['publish-worker', 'webhooks']],
  'emberfall-launch-error-37': [['game-lobby', 'chat'], ['game-lobby', 'friends'], ['matchmaker', 'game-servers'], ['launcher', 'store']],
  'carepoint-clinician-signin-failures': [['records-api', 'imaging'], ['records-api', 'lab-results'], ['ehr-portal', 'scheduling'], ['token-service', 'audit']],
  'greenleaf-reservations-account-overload': [['campsite-web', 'park-alerts'], ['booking', 'permits'], ['availability', 'inventory-sync']],
  'voteready-registrations-fall-after-geo-rule': [['register-web', 'polling-place-lookup'], ['register-api', 'dmv-match'], ['register-web', 'translations']],
  'trackroute-parcel-events-lagging': [['tracking-api', 'eta-predictor'], ['notify-worker', 'email-sender'], ['scan-ingest', 'depot-gateway']],
  'ledgerlite-publishers-blocked': [['web-app', 'reports'], ['billing-core', 'tax-engine'], ['notifications', 'email-provider-relay'], ['web-app', 'customer-portal']],
  'fleetpulse-driver-eta-stale': [['dispatch', 'pricing'], ['dispatch', 'rider-app-bff'], ['driver-gw', 'driver-docs'], ['dispatch', 'safety']],
  'sealink-crew-messages-not-sent': [['shore-portal', 'crew-payroll'], ['shore-portal', 'port-agents'], ['vessel-reports', 'emissions-calc']],
  'parley-signups-after-rival-policy-change': [['signup-web', 'landing-cms'], ['directory', 'profile-media'], ['registration', 'abuse-check']],
  'tixmint-ticket-drop-purchases-hang': [['drop-web', 'queue-page'], ['checkout', 'fraud'], ['mint-api', 'seat-map'], ['checkout', 'receipts']],
  'civicalert-subscriptions-after-storm-warning': [['civic-app-bff', 'shelters'], ['alerts-feed', 'translation'], ['civic-app-bff', 'road-closures']],
  'grainhub-price-fetch-connect-errors': [['price-board', 'charting'], ['price-board', 'user-alerts'], ['news-fetcher', 'nlp-tagger'], ['price-board', 'subscriptions']],
  'podpark-feed-builder-slow-then-oom': [['feed-api', 'analytics-beacon'], ['feed-builder', 'transcripts'], ['feed-api', 'ad-insertion']],
  'reelcast-pods-evicted-across-prod': [['stream-api', 'watch-party'], ['catalog', 'artwork'], ['licensing', 'geo-rights']],
  'oddson-bets-rejected-during-flood': [['bet-web', 'live-scores'], ['bet-api', 'promotions'], ['wallet', 'kyc'], ['bet-web', 'cashout']],
  'pennyjar-all-routes-failing-at-once': [['app-api', 'savings-pots'], ['app-api', 'support-chat'], ['fraud', 'device-signals']],
  'sitenest-customer-sites-unresolvable': [['builder-app', 'domains-billing'], ['site-render', 'forms-inbox'], ['builder-app', 'templates']],
  'metergrid-readings-quarter-of-connections-hang': [['billing-export', 'retailer-sftp'], ['head-end', 'firmware-ota'], ['reading-ingest', 'outage-detect']],
  'mossvale-nightly-jobs-run-an-hour-early': [['customer-portal', 'payments'], ['bill-calc', 'pdf-render'], ['job-cron', 'meter-export']],
  'emberfall-expansion-entry-rejected': [['game-lobby', 'chat'], ['launcher', 'patcher'], ['game-lobby', 'guilds']],
  'kickvault-raffle-opening-timeouts': [['shop-frontend', 'cart'], ['shop-frontend', 'reviews'], ['raffle-entry', 'winner-draw']],
  'runwaynotes-briefings-cannot-load-notices': [['crew-app', 'duty-times'], ['briefing-api', 'fuel-planner'], ['crew-app', 'rosters']],
  'classcam-lecture-uploads-stuck-after-storm': [['course-site', 'forums'], ['course-site', 'quizzes'], ['lecture-api', 'captioning']],
  'lionpay-card-authorisations-failing-in-colo': [['mobile-banking', 'statements'], ['pos-gateway', 'merchant-portal'], ['mobile-banking', 'fx-rates']],
};

/** Every blind17 scenario, one spec each. */
export const SPECS: Spec[] = [...A, ...B, ...C, ...D, ...E, ...F, ...G].map((spec) => (BYSTANDERS[spec.name] ? { ...spec, bystanders: BYSTANDERS[spec.name] } : spec));

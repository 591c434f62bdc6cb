import type { Spec } from '../core.js';
import { A } from './a.js';
import { B } from './b.js';
import { C } from './c.js';
import { D } from './d.js';
import { E } from './e.js';
import { F } from './f.js';
import { G } from './g.js';
import { H } from './h.js';
import { I } from './i.js';
import { J } from './j.js';
import { widen } from './lib.js';

/** The rest of each larger shop: services that carry on as usual around the incident. */
const REST_OF_SHOP: Record<string, Record<string, string[]>> = {
  'skyroute-search-fleet-vanishes': {
    'web-edge': ['flight-status', 'price-alerts', 'user-profile', 'ads-slotter'],
    'price-alerts': ['currency-rates', 'alert-mailer'],
    'ads-slotter': ['geo-ip'],
    'flight-status': ['airport-feed-cache'],
    'user-profile': ['profile-db'],
  },
  'voltbid-block-orders-rejected': {
    'participant-portal': ['auth-gw', 'reporting-api'],
    'settlement-feed': ['audit-sink', 'notification-hub'],
    'reporting-api': ['fx-rates'],
  },
  'stagepass-onsale-mobile-rush': {
    'web-api': ['search-api', 'event-catalog'],
    'mobile-api': ['loyalty', 'recommendations'],
    'search-api': ['event-catalog'],
    'seat-map': ['venue-maps'],
    'checkout-lite': ['notif-push'],
  },
  'clanchat-sync-timeouts': {
    'client-gw': ['presence', 'account-api', 'search-api'],
    presence: ['typing-relay'],
    homeserver: ['moderation'],
    'search-api': ['message-index'],
  },
  'inkboard-signin-too-many-clients': {
    'web-app': ['comments-api', 'export-svc', 'notifications', 'billing-api'],
    'board-api': ['asset-origin', 'search-api'],
    'export-svc': ['asset-origin'],
    'billing-api': ['license-check'],
  },
  'cropex-quote-distribution-halts': {
    'member-gateway': ['member-reports', 'reference-data'],
    surveillance: ['risk-monitor'],
    'order-entry': ['reference-data'],
    'trade-archive': ['clearing-house-link'],
  },
  'carelink-video-visits-degrade': {
    'patient-app': ['prescription-api', 'chat-svc'],
    'visit-api': ['insurance-check', 'notif-sms'],
    'clinician-app': ['clinic-admin'],
  },
  'shelfwise-lending-slow-cache-thrash': {
    'patron-app': ['holds-api', 'fines-api', 'ebook-lending', 'events-calendar'],
    'holds-api': ['loans-db', 'notify-worker'],
    'ebook-lending': ['drm-proxy'],
    'search-api': ['recommendations'],
  },
  'voltcharge-iberia-sessions-unpaid': {
    'driver-app': ['charger-map', 'fleet-accounts'],
    'session-api': ['pricing-engine', 'roaming-hub'],
    'charger-control': ['ocpp-gateway'],
    'billing-export': ['invoice-svc'],
  },
  'tripnest-airline-bookings-fail': {
    'web-shop': ['hotel-search', 'car-hire', 'loyalty', 'support-chat', 'price-alerts'],
    'booking-orchestrator': ['insurance-addon', 'loyalty'],
    'hotel-search': ['hotel-content', 'fare-cache'],
    'car-hire': ['car-partner-gw'],
    'support-chat': ['crm-bridge'],
    'price-alerts': ['alert-mailer'],
  },
  'paylane-authorisations-half-lost': {
    'acquirer-link': ['tokenization'],
    'dc1-fabric': ['fraud-rules', 'settlement-batch'],
    'merchant-portal': ['dispute-svc', 'reporting'],
    'settlement-batch': ['cardholder-ledger'],
  },
  'taxfile-deadline-returns-pile-up': {
    'efile-portal': ['identity-proofing', 'payment-gateway', 'form-library'],
    'ack-service': ['notice-mailer'],
  },
  'pocketbank-payday-app-timeouts': {
    'app-gateway': ['savings-api', 'payees-api', 'statements', 'chat-support', 'rewards'],
    'payees-api': ['kyc-checks'],
    'statements': ['core-ledger-proxy'],
  },
  'vetbook-api-routes-empty': {
    'api-router': ['lab-results', 'telehealth'],
    'clinic-web': ['clinic-admin'],
    'clinic-admin': ['inventory'],
    'patients': ['pet-records-sync'],
  },
  'hedgeline-pretrade-checks-failing': {
    'trader-ui': ['market-data', 'position-keeper'],
    'risk-gateway': ['margin-calc'],
    'order-router': ['fix-gateway', 'audit-trail'],
    'position-keeper': ['reference-data'],
  },
  'gadgetgrab-deal-page-hammered': {
    'shop-app': ['search', 'reviews', 'wishlist'],
    search: ['recommendations'],
    checkout: ['notifications', 'loyalty'],
  },
  'railcrew-rosters-stop-syncing': {
    'crew-scheduler': ['fatigue-rules', 'payroll-export'],
    'train-assignment': ['stock-planner'],
    'timetable-feed': ['passenger-info'],
  },
  'lexcounsel-drafts-wrong-model-tier': {
    'drafting-ui': ['matter-api', 'doc-viewer'],
    'matter-api': ['conflicts-check', 'matter-db'],
    'drafting-api': ['redline-svc'],
  },
};

const ALL: Spec[] = [...A, ...B, ...C, ...D, ...E, ...F, ...G, ...H, ...I, ...J];

for (const name of Object.keys(REST_OF_SHOP)) if (!ALL.some((spec) => spec.name === name)) throw new Error(`REST_OF_SHOP names no scenario: ${name}`);

/** Every blind18 scenario, in README order. */
export const SPECS: Spec[] = ALL.map((spec) => (REST_OF_SHOP[spec.name] ? widen(spec, REST_OF_SHOP[spec.name]!) : spec));

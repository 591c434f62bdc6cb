import type { Spec } from '../core.js';
import { A, B } from './a.js';
import { C, D, E, F } from './b.js';
import { G, H, I, J } from './c.js';
import { K, L, M, N } from './d.js';
import { O, P, Q, R } from './e.js';
import { S } from './f.js';
import { widen } from './lib.js';

/** The rest of each larger shop: services that carry on as usual around the incident. */
const REST_OF_SHOP: Record<string, Record<string, string[]>> = {
  'tunecloud-storefront-lookups-fail': {
    'edge-gw': ['podcasts-api', 'radio-api', 'reviews-api'],
    'podcasts-api': ['feed-crawler'],
    'reviews-api': ['reviews-db'],
  },
  'quoteline-terminals-go-dark': {
    'terminal-gw': ['chart-api', 'alerts-api', 'chat-directory'],
    'chart-api': ['history-store'],
    'alerts-api': ['alert-rules-db'],
  },
  'lanternhost-global-routes-blackholed': {
    'public-alb': ['billing-api', 'docs-site'],
    'billing-api': ['invoice-worker'],
    'console-api': ['iam-api'],
  },
  'rivulet-chat-unusable-db-cpu': {
    'web-app': ['integrations-api', 'admin-api', 'email-ingest'],
    'integrations-api': ['webhook-worker'],
    'admin-api': ['audit-log'],
  },
  'starfall-launch-login-congestion': {
    'launcher-api': ['news-api', 'store-api'],
    'store-api': ['entitlements'],
    'lobby-svc': ['party-finder'],
    'world-svc': ['market-board'],
  },
  'yellowtalk-messages-stall-site-dark': {
    'app-gw': ['gift-api', 'channel-api', 'emoticon-api'],
    'gift-api': ['order-db'],
    'channel-api': ['channel-store'],
  },
  'junkport-checkout-zone-heat': {
    'shop-alb': ['account-api', 'reviews-api', 'wishlist-api'],
    'account-api': ['account-table'],
    'reviews-api': ['reviews-table'],
  },
  'linkwave-handsets-cannot-attach': {
    'customer-portal': ['plan-catalog', 'support-chat'],
    'policy-svc': ['roaming-gw'],
    'charging-api': ['invoice-batch'],
  },
  'dealmela-sale-pages-fail': {
    'edge-alb': ['seller-portal', 'recommend-api', 'user-api'],
    'seller-portal': ['seller-db'],
    'user-api': ['user-table'],
  },
  'netsphere-blackhole-leaks-upstream': {
    'noc-portal': ['ticketing', 'inventory-db'],
    'customer-edge': ['iptv-head', 'voip-sbc'],
  },
  'reblogr-dashboard-down-db-hosts': {
    'web-front': ['search-api', 'inbox-api', 'ads-api'],
    'search-api': ['search-index'],
    'inbox-api': ['inbox-db'],
  },
};

const ALL: Spec[] = [...A, ...B, ...C, ...D, ...E, ...F, ...G, ...H, ...I, ...J, ...K, ...L, ...M, ...N, ...O, ...P, ...Q, ...R, ...S];

for (const name of Object.keys(REST_OF_SHOP)) if (!ALL.some((spec) => spec.name === name)) throw new Error(`REST_OF_SHOP names no scenario: ${name}`);

/** Every blind20 scenario, in README order. */
export const SPECS: Spec[] = ALL.map((spec) => (REST_OF_SHOP[spec.name] ? widen(spec, REST_OF_SHOP[spec.name]!) : spec));

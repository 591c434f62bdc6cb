import type { Effect } from '../spec.js';

/** Shorthands for the effects specs use most. */
export const errors = (service: string, from: string, value: number, ramp = 60, to?: string): Effect => ({ service, metric: 'errors', from, op: 'set', value, ramp, ...(to ? { to } : {}) });
export const slower = (service: string, from: string, factor: number, ramp = 60, to?: string): Effect => ({ service, metric: 'latency', from, op: 'mult', value: factor, ramp, ...(to ? { to } : {}) });
export const load = (service: string, from: string, factor: number, ramp = 60, to?: string): Effect => ({ service, metric: 'rate', from, op: 'mult', value: factor, ramp, ...(to ? { to } : {}) });
export const gauge = (service: string, metric: string, from: string, value: number, ramp = 60, to?: string): Effect => ({ service, metric, from, op: 'set', value, ramp, ...(to ? { to } : {}) });

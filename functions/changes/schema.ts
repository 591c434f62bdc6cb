import { z } from 'zod';
import { ChangeEvent } from '../contracts/evidence.js';

/**
 * Causeway's own change format, for CI/CD pipelines and anything that can POST JSON. It is a
 * `ChangeEvent` without the class, plus an optional `id`: the sender's idempotency key (a
 * pipeline run id, a deploy id). `at` defaults to the time the change arrives.
 *
 * ```json
 * {
 *   "id": "deploy-pricing-8812",
 *   "at": "2026-05-12T14:11:00Z",
 *   "service": "pricing",
 *   "kind": "deployment",
 *   "summary": "pricing v3.12.0: money rounding refactor",
 *   "version": "v3.12.0",
 *   "previousVersion": "v3.11.4",
 *   "author": "m.okafor",
 *   "commit": "4e1d9a2",
 *   "link": "https://github.com/acme/pricing/actions/runs/8812"
 * }
 * ```
 */
export const ChangePost = ChangeEvent.omit({ class: true, at: true }).extend({
  id: z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'ids are 1-128 letters, digits, dots, colons, underscores or dashes').optional(),
  at: z.iso.datetime({ offset: true }).optional(),
  service: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(1000),
  link: z.url({ protocol: /^https?$/ }).max(2048).optional(),
});
export type ChangePost = z.infer<typeof ChangePost>;

/** The member who made a LaunchDarkly change, as the audit log shows them. */
const Member = z.looseObject({ email: z.string().max(320).optional(), firstName: z.string().max(200).optional(), lastName: z.string().max(200).optional() });

/** The parts of a flag version the change log reads: its tags and, per environment, whether it is on. */
const FlagVersion = z.looseObject({
  key: z.string().max(200).optional(),
  tags: z.array(z.string().max(200)).max(100).default([]),
  environments: z.record(z.string(), z.looseObject({ on: z.boolean().optional() })).default({}),
});

/**
 * A LaunchDarkly audit log entry, which is exactly what its webhooks POST. Only the fields the
 * change log reads are checked; the rest (`_links`, `title`, `target`…) passes through.
 */
export const LaunchDarklyEntry = z.looseObject({
  _id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  date: z.number().int().positive(),
  kind: z.string().max(100),
  name: z.string().max(500).optional(),
  description: z.string().max(4000).optional(),
  titleVerb: z.string().max(500).optional(),
  comment: z.string().max(4000).optional(),
  member: Member.optional(),
  accesses: z.array(z.looseObject({ action: z.string().max(100), resource: z.string().max(1000).optional() })).max(100).default([]),
  target: z.looseObject({ _links: z.looseObject({ site: z.looseObject({ href: z.string().max(2048) }).optional() }).optional() }).optional(),
  _links: z.looseObject({ site: z.looseObject({ href: z.string().max(2048) }).optional() }).optional(),
  currentVersion: FlagVersion.optional(),
  previousVersion: FlagVersion.optional(),
});
export type LaunchDarklyEntry = z.infer<typeof LaunchDarklyEntry>;

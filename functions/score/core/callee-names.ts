import { namesService } from './logs.js';

/*
 * How a service's own words name what it calls. A dependency we run is named by its
 * service name; one we have no telemetry of (a third party, a cloud's API) is named the
 * way its vendor and client library name it, by the part of its name that says which
 * one it is: a caller of `aws-sts`
 * writes "operation error STS", a caller of `anthropic-api` logs
 * `anthropic.InternalServerError`, a rate shopper whose callees are `freightline-rates`
 * and `northbay-rates` writes "freightline response decode failed". The rest of such a
 * name (`-api`, `aws-`, `-rates` shared by every carrier) says what sort of thing it is,
 * or is shared with its siblings, and names none of them.
 */

/** Name parts that say what sort of thing a service is (an API, a store, a cloud's), not which one. */
const SORT = /^(?:apis?|svcs?|services?|servers?|srv|apps?|web|https?|grpc|rpc|gw|gateways?|proxy|proxies|clients?|workers?|jobs?|db|database|store|cache|queues?|topics?|bus|aws|gcp|azure|cloud|prod|production|staging|internal|external|public|private|primary|main|core|v\d+)$/i;

/** The parts of a service's name (split at dashes, underscores and dots). */
const partsOf = (name: string) => name.toLowerCase().split(/[-_.]+/).filter((p) => p.length > 0);

/**
 * The part of `callee`'s name that tells it from everything else `caller` deals with:
 * at least three letters, not a word for a sort of service (`SORT`), and found in no
 * other callee's name nor the caller's own. Undefined when no part does that alone (a
 * name of one part is already whole).
 */
export function distinctPart(callee: string, caller: string, callees: Iterable<string>): string | undefined {
  const parts = partsOf(callee);
  if (parts.length < 2) return undefined;
  const taken = new Set([...[...callees].filter((c) => c !== callee), caller].flatMap(partsOf));
  const own = parts.filter((p) => p.length >= 3 && /[a-z]/.test(p) && !SORT.test(p) && !taken.has(p));
  return own.length === 1 ? own[0] : undefined;
}

/**
 * Whether a caller's words name one of its callees: by its whole name, or, for a callee
 * we have no telemetry of (`unseen`), by the one part of its name that tells it from the
 * caller's other callees (`distinctPart`). A service we run keeps its whole name: the
 * part of `readings-queue` or `policy-store` is an everyday word its callers write about
 * their own data.
 */
export function namesCallee(text: string, callee: string, caller: string, callees: Iterable<string>, unseen: boolean): boolean {
  if (namesService(text, callee)) return true;
  if (!unseen) return false;
  const part = distinctPart(callee, caller, callees);
  return part !== undefined && namesService(text, part);
}

/** Parts of a service name too generic to stand for the service: roles and kinds of component. */
const GENERIC = new Set('api apis service services svc server client gateway proxy worker workers rates rate provider providers external vendor partner platform cloud app web http https grpc rest public internal prod production default primary main'.split(' '));

/**
 * The names by which callers' error lines may speak of a callee we see only through them:
 * its own, and the first part of a name like `anthropic-api` or `freightline-rates`, the
 * provider's own name, which its client library and its callers' messages carry
 * (`anthropic.InternalServerError`, "freightline response decode failed"). The part
 * counts only when it is distinctive: five or more letters, not a generic role, and part
 * of no other service's name (a `billing` shared by `billing-api` and `billing-db` names
 * neither).
 */
export function calleeNames(callee: string, graph: ReadonlyMap<string, ReadonlySet<string>>, observed: ReadonlySet<string>): string[] {
  if (observed.has(callee)) return [callee];
  const [stem, ...rest] = callee.toLowerCase().split(/[-_.]/);
  if (!stem || rest.length === 0 || stem.length < 5 || !/^[a-z]+$/.test(stem) || GENERIC.has(stem)) return [callee];
  const others = new Set([...graph].flatMap(([caller, callees]) => [caller, ...callees]).filter((s) => s !== callee));
  const shared = [...others].some((s) => s.toLowerCase().split(/[-_.]/).includes(stem));
  return shared ? [callee] : [callee, stem];
}

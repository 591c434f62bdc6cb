import type { ChangeEvent } from '../contracts/evidence.js';
import type { LaunchDarklyEntry } from './schema.js';

/** The `launchDarkly` entry of the tenant's change-log credentials, as parsed. */
export interface LaunchDarklySettings {
  flagServices: Record<string, string>;
  environments?: string[];
  appUrl: string;
}

export type FlagChange = { change: ChangeEvent; id: string } | { ignored: string };

interface FlagAccess {
  action: string;
  project?: string;
  environment?: string;
  flag: string;
  tags: string[];
}

/**
 * Reads a resource specifier such as `proj/default:env/production:flag/new-pricing;pricing,web`:
 * colon-separated `type/key` segments, the last one optionally followed by `;tags`.
 */
function parseResource(action: string, resource: string): FlagAccess | undefined {
  const [path = '', tagList = ''] = resource.split(';', 2);
  const parts = Object.fromEntries(path.split(':').map((segment) => [segment.slice(0, segment.indexOf('/')), segment.slice(segment.indexOf('/') + 1)]));
  if (!parts.flag) return undefined;
  return { action, project: parts.proj, environment: parts.env, flag: parts.flag, tags: tagList ? tagList.split(',') : [] };
}

const serviceTag = (tags: readonly string[]) => tags.find((t) => t.startsWith('service:'))?.slice('service:'.length) || undefined;

const stateIn = (version: LaunchDarklyEntry['currentVersion'], environment: string | undefined) => {
  const on = environment ? version?.environments[environment]?.on : undefined;
  return on === undefined ? undefined : on ? 'on' : 'off';
};

function authorOf(entry: LaunchDarklyEntry): string | undefined {
  const m = entry.member;
  const name = [m?.firstName, m?.lastName].filter(Boolean).join(' ');
  return (m?.email ?? name) || undefined;
}

/**
 * A LaunchDarkly audit entry as a feature-flag change: the flag key, its environment and its
 * on/off state before and after. The service comes from the tenant's flag → service map, else
 * from a `service:<name>` tag on the flag. Entries about anything but a flag, in an environment
 * the tenant does not watch, or for a flag no service claims are acknowledged and not stored.
 */
export function flagChangeOf(entry: LaunchDarklyEntry, settings: LaunchDarklySettings): FlagChange {
  if (entry.kind !== 'flag') return { ignored: `a ${entry.kind} entry, not a flag change` };
  const accesses = entry.accesses.flatMap((a) => (a.resource ? [parseResource(a.action, a.resource)] : [])).filter((a): a is FlagAccess => a !== undefined);
  const first = accesses.find((a) => a.environment) ?? accesses[0];
  if (!first) return { ignored: 'the entry names no flag resource' };
  if (settings.environments && !(first.environment && settings.environments.includes(first.environment))) {
    return { ignored: `flag ${first.flag} changed in ${first.environment ?? 'no environment'}, which is not watched` };
  }
  const tags = [...first.tags, ...(entry.currentVersion?.tags ?? []), ...(entry.previousVersion?.tags ?? [])];
  const service = (Object.hasOwn(settings.flagServices, first.flag) ? settings.flagServices[first.flag] : undefined) ?? serviceTag(tags);
  if (!service) return { ignored: `flag ${first.flag} is not mapped to a service (add it to flagServices or tag it service:<name>)` };
  const now = stateIn(entry.currentVersion, first.environment);
  const was = stateIn(entry.previousVersion, first.environment);
  const verb = entry.titleVerb ?? [...new Set(accesses.map((a) => a.action))].join(', ');
  const state = now ? ` (now ${now}${was && was !== now ? `, was ${was}` : ''})` : '';
  const comment = entry.comment ? `: ${entry.comment}` : '';
  const where = first.environment ? ` in ${first.environment}` : '';
  const href = entry.target?._links?.site?.href ?? entry._links?.site?.href;
  const author = authorOf(entry);
  const change: ChangeEvent = {
    class: 'changes',
    at: new Date(entry.date).toISOString(),
    service,
    kind: 'feature_flag',
    summary: `flag ${first.flag}${where}: ${verb}${state}${comment}`.slice(0, 1000),
    ...(now ? { version: `${first.flag}=${now}` } : {}),
    ...(was ? { previousVersion: `${first.flag}=${was}` } : {}),
    ...(author ? { author: author.slice(0, 200) } : {}),
    source: 'launchdarkly',
    ...(href ? { link: new URL(href, settings.appUrl).href.slice(0, 2048) } : {}),
  };
  return { change, id: `ld-${entry._id}` };
}

import type { EvidencePlan } from '../../contracts/index.js';
import type { CloudWatchLogsOptions } from './options.js';

/*
 * Canonical plan → Logs Insights: which log groups (at most 50 per query), and the query
 * strings: the most recent lines, and warnings and errors only for when volume is high.
 */

/** StartQuery accepts at most 50 log group names. */
export const MAX_GROUPS = 50;

export interface LogsRequest {
  /** Group name → the service it belongs to, or undefined for a shared group. */
  groups: Map<string, string | undefined>;
  /** Planned services whose groups did not fit. */
  droppedGroups: number;
  /** The services filtered on in shared groups. */
  services: string[];
  serviceField: string;
  recentQuery: string;
  problemsQuery: string;
  startTime: number;
  endTime: number;
}

/** A field as Logs Insights reads it: plain, or quoted with backticks. */
export const field = (name: string) => (/^@?[A-Za-z_][\w.]*$/.test(name) ? name : `\`${name}\``);
const literal = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const regexLiteral = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, (c) => `\\${c}`);

/** The services to search: the plan's, focus first, or the focus alone when the plan names none. */
function servicesOf(plan: EvidencePlan): string[] {
  const listed = plan.services.length > 0 ? plan.services : plan.focusService ? [plan.focusService] : [];
  return [...new Set([...(plan.focusService && listed.includes(plan.focusService) ? [plan.focusService] : []), ...listed])];
}

function groupsOf(services: string[], options: CloudWatchLogsOptions): { groups: Map<string, string | undefined>; dropped: number } {
  const templates = [...(options.logGroups ?? []), ...(options.logGroupPrefix ? [`${options.logGroupPrefix}{{service}}`] : [])];
  const groups = new Map<string, string | undefined>();
  let dropped = 0;
  for (const t of templates.filter((t) => !t.includes('{{service}}'))) groups.set(t, undefined);
  for (const service of services) {
    for (const t of templates.filter((t) => t.includes('{{service}}'))) {
      const name = t.replaceAll('{{service}}', service);
      if (groups.has(name)) continue;
      if (groups.size >= MAX_GROUPS) dropped++;
      else groups.set(name, service);
    }
  }
  return { groups, dropped };
}

const PROBLEM_LEVELS = ['error', 'err', 'warn', 'warning', 'fatal', 'critical', 'crit', 'alert', 'emerg', 'panic', 'severe'];
const PROBLEM_WORDS = '(?i)\\b(error|exception|fatal|panic|critical|warn|warning|failed|timed? ?out)\\b';

/** Builds both query strings for the plan; the time range is whole seconds, as StartQuery takes it. */
export function translate(plan: EvidencePlan, options: CloudWatchLogsOptions): LogsRequest {
  const services = servicesOf(plan);
  const { groups, dropped } = groupsOf(services, options);
  const serviceField = plan.backend.serviceLabel ?? 'service';
  const shared = [...groups.values()].some((s) => s === undefined);
  const own = [...groups.entries()].filter(([, s]) => s !== undefined).map(([g]) => g);
  const fields = ['@timestamp', '@message', '@logStream', '@log', options.levelField, options.traceIdField, ...(shared ? [serviceField] : [])].map(field);
  const byService = services.length > 0 ? `${field(serviceField)} in [${services.map(literal).join(', ')}]` : undefined;
  const ownGroups = own.length > 0 ? `@log like /:(${own.map(regexLiteral).join('|')})$/` : undefined;
  const scope = shared && byService ? (ownGroups ? `(${byService} or ${ownGroups})` : byService) : undefined;
  const problems = `(tolower(${field(options.levelField)}) in [${PROBLEM_LEVELS.map(literal).join(', ')}] or @message like /${PROBLEM_WORDS}/)`;
  const build = (filter: string | undefined) => [`fields ${fields.join(', ')}`, ...(filter ? [`| filter ${filter}`] : []), '| sort @timestamp desc', `| limit ${options.limit}`].join('\n');
  return {
    groups,
    droppedGroups: dropped,
    services,
    serviceField,
    recentQuery: build(scope),
    problemsQuery: build(scope ? `${scope} and ${problems}` : problems),
    startTime: Math.floor(Date.parse(plan.window.from) / 1000),
    endTime: Math.ceil(Date.parse(plan.window.to) / 1000),
  };
}

const hhmm = (iso: string) => iso.slice(11, 16);

/** What was searched, the way a person would type it into Logs Insights. */
export function describeRequest(plan: EvidencePlan, request: LogsRequest): string {
  const groups = [...request.groups.keys()];
  const shown = groups.length > 8 ? `${groups.slice(0, 8).join(', ')} and ${groups.length - 8} more` : groups.join(', ');
  const text = `Logs Insights over ${shown || '(no log group)'} from ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}Z: ${request.recentQuery.replace(/\n/g, ' ')}`;
  return text.length > 4000 ? `${text.slice(0, 3997)}...` : text;
}

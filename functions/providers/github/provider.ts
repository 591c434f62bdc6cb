import type { CatalogEntry, ChangeEvent, EvidenceItem, EvidencePlan, ProviderQuery } from '../../contracts/index.js';
import { ConfigurationError } from '../../shared/errors.js';
import { fitToBudget, type Ranked } from '../shared/budget.js';
import { mapBounded } from '../grafana-common.js';
import { selectChanges } from '../changelog/normalize.js';
import type { EvidenceProvider, ProviderDeps, ProviderFindings } from '../types.js';
import { getList, githubClient, type GithubClient } from './client.js';
import { commitChange, Commit, Deployment, DeploymentStatus, deploymentChange, Pull, PullFile, pullChange, Release, releaseChange, touchesPath } from './normalize.js';
import { GithubOptions, GithubSecret, githubOptions } from './options.js';
import { readRange, targetsOf, urls, type RepoTarget } from './translate.js';

/*
 * What changed on GitHub for each planned service with a catalog `repo` (and `path` in a
 * monorepo): deployments and their statuses, releases, pull requests merged in the window with
 * their files, and commits touching the path. Deployments and releases reach back by the
 * lookback so the version each service was running is known; both lists come newest first,
 * so paging stops at the first page that reaches before the window (it holds the running
 * one): a week's lookback costs at most one page more than the window does.
 */

export type LoadCatalog = (tenantId: string) => Promise<Record<string, CatalogEntry>>;

const hhmm = (iso: string) => iso.slice(11, 16);

/** The web UI for an API root: github.com for api.github.com, the host itself for GitHub Enterprise's `/api/v3`. */
export const webBase = (apiUrl: string) => (/^https:\/\/api\.github\.com\/?$/.test(apiUrl) ? 'https://github.com' : apiUrl.replace(/\/api\/v3\/?$/, '').replace(/\/+$/, ''));

interface Read {
  changes: ChangeEvent[];
  /** 2 for deployments and releases, 1 for merged pull requests, 0 for commits. */
  tiers: Map<ChangeEvent, number>;
  notes: string[];
}

/** Everything one service's repo says about the range; tiers rank deployments above merges above commits. */
async function readRepo(client: GithubClient, t: RepoTarget, plan: EvidencePlan, o: GithubOptions): Promise<Read> {
  const { fromMs, toMs } = readRange(plan, o);
  const windowFromMs = Date.parse(plan.window.from);
  const repoWeb = `${webBase(o.apiUrl)}/${t.owner}/${t.repo}`;
  const since = (at: string | null | undefined, bound: number) => at !== undefined && at !== null && Date.parse(at) >= bound;
  const inRange = (at: string | null | undefined, lo: number) => since(at, lo) && Date.parse(at!) <= toMs;
  const changes: ChangeEvent[] = [];
  const tiers = new Map<ChangeEvent, number>();
  const notes: string[] = [];
  const add = (change: ChangeEvent, tier: number) => (changes.push(change), tiers.set(change, tier));
  const cut = (what: string, truncated: boolean) => truncated && notes.push(`${t.service}: read ${o.maxPages} pages of ${what} (${o.perPage} each); older ones in the range were not read`);

  if (o.include.includes('deployments')) {
    const list = await getList(client, urls.deployments(o.apiUrl, t, o), Deployment, o.maxPages, (d) => since(d.created_at, windowFromMs));
    cut('deployments', list.truncated);
    // The window's deployments and the one running when it opened: older ones are replaced, so their statuses are not fetched.
    const inWindow = list.items.filter((d) => Date.parse(d.created_at) <= toMs && Date.parse(d.created_at) >= windowFromMs);
    const running = list.items.find((d) => Date.parse(d.created_at) < windowFromMs && Date.parse(d.created_at) >= fromMs);
    const wanted = running ? [...inWindow, running] : inWindow;
    const withStatus = wanted.slice(0, o.maxDeploymentStatuses);
    const statuses = await Promise.all(withStatus.map((d) => getList(client, urls.statuses(o.apiUrl, t, d.id), DeploymentStatus, 1).then((s) => s.items)));
    for (const [i, d] of wanted.entries()) {
      const previous = list.items.slice(list.items.indexOf(d) + 1).find((p) => p.environment === d.environment);
      add(deploymentChange(t, d, statuses[i], previous, repoWeb), 2);
    }
  }
  if (o.include.includes('releases')) {
    const list = await getList(client, urls.releases(o.apiUrl, t, o), Release, o.maxPages, (r) => since(r.created_at, windowFromMs));
    cut('releases', list.truncated);
    const published = list.items.filter((r) => !r.draft && (!t.path || `${r.tag_name} ${r.name ?? ''}`.includes(t.service)));
    const deployed = new Set(changes.map((c) => c.version));
    for (const [i, r] of published.entries()) if (inRange(r.published_at, fromMs) && !deployed.has(r.tag_name)) add(releaseChange(t, r, published[i + 1]), 2);
  }
  const merged = new Set<string>();
  if (o.include.includes('pulls')) {
    const list = await getList(client, urls.pulls(o.apiUrl, t, o), Pull, o.maxPages, (p) => since(p.updated_at, windowFromMs));
    cut('closed pull requests', list.truncated);
    const inWindow = list.items.filter((p) => inRange(p.merged_at, windowFromMs)).sort((a, b) => Math.abs(Date.parse(a.merged_at!) - Date.parse(plan.alertAt)) - Math.abs(Date.parse(b.merged_at!) - Date.parse(plan.alertAt)));
    const files = await Promise.all(inWindow.slice(0, o.maxPullFiles).map((p) => getList(client, urls.pullFiles(o.apiUrl, t, p.number), PullFile, 1).then((f) => f.items)));
    for (const [i, p] of inWindow.entries()) {
      if (p.merge_commit_sha) merged.add(p.merge_commit_sha);
      if (files[i] ? touchesPath(files[i], t.path) : !t.path) add(pullChange(t, p, files[i]), 1);
    }
    const unread = inWindow.length - Math.min(inWindow.length, o.maxPullFiles);
    if (unread > 0) notes.push(`${t.service}: ${unread} merged pull requests further from the alert were ${t.path ? 'not checked against the path and left out' : 'kept without their files'}`);
  }
  if (o.include.includes('commits')) {
    const list = await getList(client, urls.commits(o.apiUrl, t, o, windowFromMs, toMs), Commit, o.maxPages);
    cut('commits', list.truncated);
    for (const c of list.items) if (!merged.has(c.sha)) add(commitChange(t, c), 0);
  }
  return { changes, tiers, notes };
}

/** Deployments and releases first, then merges, then commits; within each, the closest to the alert. */
function rank(changes: ChangeEvent[], tiers: ReadonlyMap<ChangeEvent, number>, alertAtMs: number): Ranked<EvidenceItem>[] {
  return changes.map((item) => ({ item, priority: (tiers.get(item) ?? 0) * 1e13 - Math.abs(Date.parse(item.at) - alertAtMs) }));
}

/** The GitHub change provider; `loadCatalog` reads the tenant's service catalog (the handler binds it to the table). */
export function makeGithubProvider(loadCatalog: LoadCatalog): EvidenceProvider {
  function describe(plan: EvidencePlan): ProviderQuery {
    const parsed = GithubOptions.safeParse(plan.backend.options);
    const o = parsed.success ? parsed.data : GithubOptions.parse({});
    const who = plan.services.length > 0 ? `${plan.services.slice(0, 8).join(', ')}${plan.services.length > 8 ? ', …' : ''}` : 'every catalogued service';
    const env = o.environment ? ` to ${o.environment}` : '';
    return {
      text: `GitHub ${o.include.join(', ')}${env} for the catalog repos of ${who} over ${hhmm(plan.window.from)}–${hhmm(plan.window.to)}Z (deployments and releases from ${o.releaseLookbackHours}h before)`,
      target: o.apiUrl,
      window: plan.window,
    };
  }

  async function query(plan: EvidencePlan, deps: ProviderDeps): Promise<ProviderFindings> {
    const o = githubOptions(plan);
    if (!plan.backend.secretRef) throw new ConfigurationError(`backend ${plan.backend.id}: secretRef must name a secret holding { "token": "…" }`);
    const secret = GithubSecret.safeParse(await deps.readSecret(plan.backend.secretRef));
    if (!secret.success) throw new ConfigurationError(`backend ${plan.backend.id}: secret ${plan.backend.secretRef} must be JSON { "token": "…" }`);
    const { targets, omitted, unmapped } = targetsOf(plan, await loadCatalog(plan.tenantId), o.maxServices);
    const client = githubClient(o.apiUrl, secret.data.token, deps.signal);
    const reads = await mapBounded(targets, 3, (t) => readRepo(client, t, plan, o));
    const services = new Set(targets.map((t) => t.service));
    const selected = selectChanges(reads.flatMap((r) => r.changes), Date.parse(plan.window.from), Date.parse(plan.window.to), services);
    const fitted = fitToBudget(rank(selected, new Map(reads.flatMap((r) => [...r.tiers])), Date.parse(plan.alertAt)), plan.limits.maxBytes, 'changes', 'deployments first, then the closest to the alert', plan.limits.maxItems);
    const notes = [
      ...(unmapped.length > 0 ? [`no catalog repo for ${unmapped.slice(0, 10).join(', ')}${unmapped.length > 10 ? ', …' : ''}: not searched`] : []),
      ...(omitted.length > 0 ? [`read the first ${o.maxServices} services with a repo; not read: ${omitted.join(', ')}`] : []),
      ...reads.flatMap((r) => r.notes),
      ...fitted.notes,
    ];
    return { query: describe(plan), items: fitted.items, notes: notes.slice(0, 20).map((n) => n.slice(0, 500)) };
  }

  return { type: 'github', classes: ['changes'], describe, query };
}

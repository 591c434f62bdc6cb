import { z } from 'zod';
import type { ChangeEvent } from '../../contracts/index.js';
import type { RepoTarget } from './translate.js';

/*
 * GitHub's documented shapes (only the fields read) and their change events. Lists arrive
 * newest first, so "the previous version" of an item is the next one in its list.
 */

const User = z.object({ login: z.string() }).nullable().optional();

export const Deployment = z.object({ id: z.number(), sha: z.string(), ref: z.string(), environment: z.string(), description: z.string().nullable().optional(), creator: User, created_at: z.string() });
export const DeploymentStatus = z.object({ state: z.string(), description: z.string().nullable().optional(), target_url: z.string().nullable().optional(), log_url: z.string().nullable().optional(), created_at: z.string() });
export const Release = z.object({ tag_name: z.string(), name: z.string().nullable().optional(), draft: z.boolean(), prerelease: z.boolean(), created_at: z.string(), published_at: z.string().nullable().optional(), author: User, html_url: z.string(), target_commitish: z.string().optional() });
export const Pull = z.object({ number: z.number(), title: z.string(), html_url: z.string(), user: User, merged_at: z.string().nullable().optional(), updated_at: z.string(), merge_commit_sha: z.string().nullable().optional(), base: z.object({ ref: z.string() }) });
export const PullFile = z.object({ filename: z.string(), additions: z.number(), deletions: z.number() });
export const Commit = z.object({ sha: z.string(), html_url: z.string(), author: User, commit: z.object({ message: z.string(), author: z.object({ name: z.string().optional(), date: z.string() }).nullable() }) });
export type Deployment = z.infer<typeof Deployment>;
export type DeploymentStatus = z.infer<typeof DeploymentStatus>;
export type Release = z.infer<typeof Release>;
export type Pull = z.infer<typeof Pull>;
export type PullFile = z.infer<typeof PullFile>;
export type Commit = z.infer<typeof Commit>;

const short = (sha: string) => sha.slice(0, 7);
const versionOf = (d: Deployment) => (d.ref === d.sha ? short(d.sha) : d.ref);
const iso = (text: string) => new Date(text).toISOString();
const cap = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
const webLink = (url: string | null | undefined) => (url && /^https?:\/\//.test(url) && url.length <= 2048 ? url : undefined);

/**
 * A deployment at the time it succeeded (else when it was created), with the state its latest
 * status reports; the previous version is the next older deployment to the same environment.
 */
export function deploymentChange(t: RepoTarget, d: Deployment, statuses: DeploymentStatus[] | undefined, previous: Deployment | undefined, repoWeb: string): ChangeEvent {
  const latest = statuses?.[0];
  const succeeded = statuses?.find((s) => s.state === 'success');
  const state = latest ? ` (${latest.state})` : '';
  const description = d.description ? `: ${d.description}` : '';
  return {
    class: 'changes',
    at: iso(succeeded?.created_at ?? d.created_at),
    service: t.service,
    kind: 'deployment',
    summary: cap(`${t.service} ${versionOf(d)} deployed to ${d.environment}${state}${description}`, 1000),
    version: cap(versionOf(d), 200),
    ...(previous ? { previousVersion: cap(versionOf(previous), 200) } : {}),
    ...(d.creator?.login ? { author: d.creator.login } : {}),
    commit: short(d.sha),
    source: 'github',
    link: webLink(latest?.log_url) ?? webLink(latest?.target_url) ?? `${repoWeb}/deployments/${encodeURIComponent(d.environment)}`,
  };
}

/** A published release; drafts are not changes. */
export function releaseChange(t: RepoTarget, r: Release, previous: Release | undefined): ChangeEvent {
  const name = r.name && r.name !== r.tag_name ? `: ${r.name}` : '';
  return {
    class: 'changes',
    at: iso(r.published_at ?? r.created_at),
    service: t.service,
    kind: 'deployment',
    summary: cap(`${t.service} release ${r.tag_name}${r.prerelease ? ' (pre-release)' : ''} published${name}`, 1000),
    version: cap(r.tag_name, 200),
    ...(previous ? { previousVersion: cap(previous.tag_name, 200) } : {}),
    ...(r.author?.login ? { author: r.author.login } : {}),
    source: 'github',
    link: r.html_url,
  };
}

const INFRA = /(\.tf|\.tfvars|\.hcl)$|(^|\/)(terraform|cloudformation|cdk|helm|charts|k8s|kustomize|manifests)\//;
const CONFIG = /\.(ya?ml|json|toml|ini|properties|env|conf)$/;

/** What a merge changed, judged by its files: all infrastructure code, all config files, else code that ships. */
export function kindOfFiles(files: readonly PullFile[]): ChangeEvent['kind'] {
  if (files.length > 0 && files.every((f) => INFRA.test(f.filename))) return 'infrastructure';
  if (files.length > 0 && files.every((f) => CONFIG.test(f.filename))) return 'config';
  return 'deployment';
}

/** A merged pull request with its diff summary: files changed, lines added and removed, the biggest files named. */
export function pullChange(t: RepoTarget, p: Pull, files: PullFile[] | undefined): ChangeEvent {
  const diff = files
    ? ` (${files.length} file${files.length === 1 ? '' : 's'}, +${files.reduce((n, f) => n + f.additions, 0)} −${files.reduce((n, f) => n + f.deletions, 0)}: ${[...files].sort((a, b) => b.additions + b.deletions - (a.additions + a.deletions)).slice(0, 3).map((f) => f.filename).join(', ')}${files.length > 3 ? ', …' : ''})`
    : '';
  return {
    class: 'changes',
    at: iso(p.merged_at!),
    service: t.service,
    kind: files ? kindOfFiles(files) : 'deployment',
    summary: cap(`${t.service}: PR #${p.number} merged into ${p.base.ref}: ${p.title}${diff}`, 1000),
    ...(p.user?.login ? { author: p.user.login } : {}),
    ...(p.merge_commit_sha ? { commit: short(p.merge_commit_sha) } : {}),
    source: 'github',
    link: p.html_url,
  };
}

/** A commit touching the service's path that no merged pull request already accounts for. */
export function commitChange(t: RepoTarget, c: Commit): ChangeEvent {
  const author = c.author?.login ?? c.commit.author?.name;
  return {
    class: 'changes',
    at: iso(c.commit.author?.date ?? new Date(0).toISOString()),
    service: t.service,
    kind: 'deployment',
    summary: cap(`${t.service}: commit ${short(c.sha)}${t.path ? ` in ${t.path}` : ''}: ${c.commit.message.split('\n')[0]}`, 1000),
    ...(author ? { author: cap(author, 200) } : {}),
    commit: short(c.sha),
    source: 'github',
    link: c.html_url,
  };
}

/** Whether any file lies under the service's folder (always, without one). */
export const touchesPath = (files: readonly PullFile[], path: string | undefined) => !path || files.some((f) => f.filename === path || f.filename.startsWith(`${path}/`));

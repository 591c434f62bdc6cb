import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { citedClasses } from '../cli/eval-score.js';
import { replayDirect } from '../test/helpers/direct-replay.js';

/*
 * Replays scenario files in-process (scenario provider → scorer → deterministic RCA) and
 * prints expected vs actual per scenario, then top-1 / top-3 / action / cites accuracy, the
 * service-only top-1 / top-3, and accuracy per expected kind.
 * Usage: npx tsx bench/direct-eval.ts PATH… [--verbose] [--all-services]
 * `--all-services` queries every service instead of the alert's neighbourhood, to tell
 * a scoring miss from a service-inference miss.
 */

async function files(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if ((await stat(p)).isDirectory()) out.push(...(await readdir(p)).filter((f) => f.endsWith('.json')).sort().map((f) => join(p, f)));
    else out.push(p);
  }
  return out;
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const allServices = args.includes('--all-services');
const list = await files(args.filter((a) => !a.startsWith('--')));
const rows: { top1: boolean; top3: boolean; svc1: boolean; svc3: boolean; action: boolean; cites: boolean; kind: string; ms: number }[] = [];
for (const file of list) {
  try {
    const r = await replayDirect(file, { allServices });
    const exp = r.scenario.expected;
    if (!exp) continue;
    const s = r.scored.suspects;
    const match = (i: number) => s[i]?.service === exp.rootCause.service && s[i]?.kind === exp.rootCause.kind;
    const top1 = match(0);
    const top3 = [0, 1, 2].some(match);
    const svc1 = s[0]?.service === exp.rootCause.service;
    const svc3 = s.slice(0, 3).some((x) => x.service === exp.rootCause.service);
    const action = (exp.action ?? 'none') === r.scored.recommendedAction.kind;
    const cited = citedClasses(r.rca);
    const cites = (exp.mustCite ?? []).every((c) => cited.includes(c));
    rows.push({ top1, top3, svc1, svc3, action, cites, kind: exp.rootCause.kind, ms: r.ms });
    const got = s.slice(0, 3).map((x) => `${x.service}/${x.kind}:${x.score.toFixed(2)}`).join(' ');
    console.log(`${top1 ? 'OK ' : top3 ? 'T3 ' : svc3 ? 'S3 ' : 'XX '} ${r.scenario.name.padEnd(44)} want ${exp.rootCause.service}/${exp.rootCause.kind} ${exp.action ?? 'none'} | got ${got} | ${r.scored.recommendedAction.kind} conf ${r.scored.confidence.toFixed(2)} ${r.ms.toFixed(0)}ms`);
    if (verbose) for (const x of s.slice(0, 3)) console.log(`      ${x.service}/${x.kind}: ${x.reasons.join(' | ')}`);
  } catch (error) {
    console.log(`ERR ${file}: ${(error as Error).stack}`);
    rows.push({ top1: false, top3: false, svc1: false, svc3: false, action: false, cites: false, kind: 'error', ms: 0 });
  }
}
const pct = (f: (r: (typeof rows)[number]) => boolean, rs = rows) => `${((100 * rs.filter(f).length) / Math.max(1, rs.length)).toFixed(1)}%`;
console.log(`\nn=${rows.length} top1 ${pct((r) => r.top1)} top3 ${pct((r) => r.top3)} action ${pct((r) => r.action)} cites ${pct((r) => r.cites)} | service-only top1 ${pct((r) => r.svc1)} top3 ${pct((r) => r.svc3)} | mean ${(rows.reduce((a, r) => a + r.ms, 0) / Math.max(1, rows.length)).toFixed(0)} ms`);
for (const kind of [...new Set(rows.map((r) => r.kind))].sort()) {
  const rs = rows.filter((r) => r.kind === kind);
  console.log(`  ${kind.padEnd(20)} n=${String(rs.length).padStart(3)} top1 ${pct((r) => r.top1, rs)} top3 ${pct((r) => r.top3, rs)} service top1 ${pct((r) => r.svc1, rs)}`);
}

/**
 * Reads a V8 `.cpuprofile` (from `--cpu-prof`) and says where the time went: self time grouped
 * by package or project folder, and the hottest functions. Used to explain ack-latency results.
 *
 *   npx tsx bench/cpu-profile.ts /tmp/samverkan-bench-profiles/samverkan.cpuprofile
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileSummary {
  readonly totalMs: number;
  /** Self time of library code charged to the nearest project function on its stack. */
  readonly byProjectCaller: { name: string; ms: number }[];
  /** Time with one of `inclusive`'s functions on the stack, by function name. */
  readonly inclusive: { name: string; ms: number }[];
  readonly idleMs: number;
  readonly byGroup: { group: string; ms: number }[];
  readonly byFunction: { name: string; ms: number }[];
}

/** `node_modules/@slack/bolt/…` → `@slack/bolt`; `/work/main/adapters/slack/x.ts` → `adapters/slack`. */
export function groupOf(url: string): string {
  if (url === '') return '(native / V8)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules?.[1]) return modules[1];
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0] ?? ''}`;
  const project = /\/(src|adapters|workflows|db|test|bench)\/(?:([^/]+)\/)?/.exec(url);
  if (project?.[1]) return project[2] && !project[2].includes('.') ? `${project[1]}/${project[2]}` : project[1];
  return url;
}

export function summarizeProfile(path: string, top = 15, inclusiveNames: readonly string[] = []): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>(inclusiveNames.map((n) => [n, 0]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const callers = new Map<string, number>();
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  for (const [id, time] of self) {
    const node = byId.get(id);
    if (!node) continue;
    totalMs += time;
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)?.callFrame.functionName ?? '';
      if (inclusive.has(name)) onStack.add(name);
    }
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + time);
    const caller = nearestProjectFrame(id, byId, parent);
    if (caller) callers.set(caller, (callers.get(caller) ?? 0) + time);
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idleMs += time;
      continue;
    }
    const group = functionName === '(garbage collector)' ? '(garbage collector)' : groupOf(url);
    groups.set(group, (groups.get(group) ?? 0) + time);
    const name = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|adapters|workflows|db|bench)\//, '$1/')}:${lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + time);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    totalMs,
    inclusive: [...inclusive].map(([name, ms]) => ({ name, ms })),
    idleMs,
    byProjectCaller: sorted(callers).slice(0, top).map(([name, ms]) => ({ name, ms })),
    byGroup: sorted(groups).slice(0, top).map(([group, ms]) => ({ group, ms })),
    byFunction: sorted(functions).slice(0, top).map(([name, ms]) => ({ name, ms })),
  };
}

const projectFile = /\/(src|adapters|workflows|db)\/.*$/;

function nearestProjectFrame(id: number, byId: Map<number, ProfileNode>, parent: Map<number, number>): string | undefined {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)?.callFrame;
    const file = frame && !frame.url.includes('node_modules') ? projectFile.exec(frame.url)?.[0] : undefined;
    if (frame && file) return `${frame.functionName || '(anonymous)'} ${file.slice(1)}:${frame.lineNumber + 1}`;
  }
  return undefined;
}

export function formatProfile(summary: ProfileSummary): string {
  const busy = summary.totalMs - summary.idleMs;
  const pct = (v: number) => `${((100 * v) / busy).toFixed(1).padStart(5)} %`;
  return [
    `busy ${(busy / 1000).toFixed(1)} s of ${(summary.totalMs / 1000).toFixed(1)} s; self time by group:`,
    ...summary.byGroup.map((g) => `  ${pct(g.ms)}  ${g.group}`),
    ...(summary.inclusive.length ? ['time with the function on the stack:', ...summary.inclusive.map((f) => `  ${pct(f.ms)}  ${f.name}`)] : []),
    'time charged to the nearest project function on the stack (itself and the libraries it called):',
    ...summary.byProjectCaller.map((f) => `  ${pct(f.ms)}  ${f.name}`),
    'hottest functions (self time):',
    ...summary.byFunction.map((f) => `  ${pct(f.ms)}  ${f.name}`),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Names to time inclusively: BENCH_PROFILE_FUNCTIONS=handleText,respond,…
  const names = (process.env.BENCH_PROFILE_FUNCTIONS ?? '').split(',').filter(Boolean);
  for (const path of process.argv.slice(2)) console.log(`${path}\n${formatProfile(summarizeProfile(path, 25, names))}\n`);
}

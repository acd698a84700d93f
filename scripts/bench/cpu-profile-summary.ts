/**
 * Summarizes a V8 `.cpuprofile` (from `node --cpu-prof`, e.g. `BENCH_CPU_PROF=<dir> npm run
 * bench:api`): where the process spent its CPU, by package (or our own folder) and by function,
 * as self time, the share of all samples that were not idle.
 *
 *   node dist/scripts/bench/cpu-profile-summary.js <file.cpuprofile> [--top 30]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' } },
});
const file = positionals[0];
if (!file) throw new Error('usage: cpu-profile-summary <file.cpuprofile> [--top 30]');
const top = Number(values.top);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMicros = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

/** Where a function lives: a package under node_modules, our own top folders, or Node itself. */
function area(url: string): string {
  if (url === '') return '(native / V8)';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1] as string;
  const ours = /\/dist\/(src\/[^/]+(?:\/[^/]+)?)/.exec(url);
  if (ours) return ours[1] as string;
  if (url.startsWith('node:')) return 'node: core';
  return url;
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);
const byArea = new Map<string, number>();
const byFunction = new Map<string, number>();
let busy = 0;
let idle = 0;
let gc = 0;
for (const [id, micros] of selfMicros) {
  const node = byId.get(id);
  if (!node) continue;
  const name = node.callFrame.functionName;
  if (name === '(idle)') {
    idle += micros;
    continue;
  }
  if (name === '(garbage collector)') gc += micros;
  busy += micros;
  const where = IDLE.has(name) ? name : area(node.callFrame.url);
  byArea.set(where, (byArea.get(where) ?? 0) + micros);
  const label = `${name || '(anonymous)'} ${node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, '')}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(label, (byFunction.get(label) ?? 0) + micros);
}

const share = (micros: number) => `${((100 * micros) / Math.max(1, busy)).toFixed(1).padStart(5)} %`;
const ranked = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);

console.log(
  `${file}: busy ${(busy / 1e6).toFixed(2)} s (garbage collection ${share(gc).trim()}), idle ${(idle / 1e6).toFixed(2)} s`,
);
console.log('\nself time by package or folder');
for (const [where, micros] of ranked(byArea)) console.log(`  ${share(micros)}  ${where}`);
console.log('\nself time by function');
for (const [label, micros] of ranked(byFunction)) console.log(`  ${share(micros)}  ${label}`);

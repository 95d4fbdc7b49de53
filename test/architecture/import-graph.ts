/**
 * The import graph of src/, read with the TypeScript compiler's pre-processor (static imports,
 * re-exports, `import()` and `import type` alike), and the cycles in it, between files and between
 * folders.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Paths relative to the project root, with forward slashes, e.g. "src/lib/format.ts". */
export type Graph = ReadonlyMap<string, ReadonlySet<string>>;

const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative specifier names, or null for a package or an asset (CSS, JSON). */
function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, '').replace(/\.js$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (SOURCE.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every file under `root/dir` and the files it imports inside the project. */
export function importGraph(root: string, dir = 'src'): Graph {
  const graph = new Map<string, Set<string>>();
  const rel = (p: string) => relative(root, p).split('\\').join('/');
  for (const file of sourceFiles(join(root, dir))) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const ref of info.importedFiles) {
      const target = resolveSpecifier(file, ref.fileName);
      if (target) targets.add(rel(target));
    }
    graph.set(rel(file), targets);
  }
  return graph;
}

/** The folder graph: an edge A → B when a file directly in A imports a file directly in B (A ≠ B). */
export function folderGraph(graph: Graph, folderOf: (file: string) => string): Graph {
  const out = new Map<string, Set<string>>();
  for (const [from, targets] of graph) {
    const a = folderOf(from);
    const edges = out.get(a) ?? new Set<string>();
    out.set(a, edges);
    for (const to of targets) {
      const b = folderOf(to);
      if (b !== a) edges.add(b);
    }
  }
  return out;
}

/** The top-level folder of a source file: "src/cli/sections/x.ts" → "src/cli". */
export const layerOf = (file: string) => file.split('/').slice(0, 2).join('/');

/** The folder holding a file: "src/cli/sections/x.ts" → "src/cli/sections". */
export const folderOfFile = (file: string) => file.slice(0, file.lastIndexOf('/'));

/**
 * One cycle per strongly connected component with more than one node (Tarjan), each written as
 * the path that closes it: ["a", "b", "a"]. Empty when the graph is acyclic.
 */
export function cycles(graph: Graph): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!order.has(v)) visit(v);
  return components.map((c) => closingPath(graph, new Set(c), [...c].sort()[0]!));
}

/** A shortest path from `start` back to itself inside one component (breadth first). */
function closingPath(graph: Graph, component: ReadonlySet<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of [...(graph.get(v) ?? [])].sort()) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path: string[] = [];
        for (let u = v; u !== start; u = previous.get(u)!) path.unshift(u);
        return [start, ...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

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

/** Every folder that holds a source file, directly or below: "src", "src/cli", "src/cli/sections"… */
export function foldersOf(graph: Graph): string[] {
  const folders = new Set<string>();
  for (const file of graph.keys()) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  return [...folders].sort();
}

/**
 * The graph of one folder's entries, side by side: its files, and its subfolders each standing for
 * everything under it. An edge A → B when a file in A imports a file in B (A ≠ B); imports that
 * leave the folder are not edges. A cycle here is a cycle between folders (or between a folder and
 * a file) at the same level: `src/lib ↔ src/worker`, `src/cli/report-sections.ts ↔ src/cli/sections`.
 * A folder's files may import its subfolders and be imported by them: `src/worker/api.ts →
 * src/worker/handlers → src/worker/state.ts` is a chain; it is a cycle only when it comes back to
 * the file it left.
 */
export function entriesGraph(graph: Graph, folder: string): Graph {
  const prefix = `${folder}/`;
  const entryOf = (file: string) =>
    file.startsWith(prefix) ? prefix + file.slice(prefix.length).split('/')[0]! : undefined;
  const out = new Map<string, Set<string>>();
  for (const [from, targets] of graph) {
    const a = entryOf(from);
    if (a === undefined) continue;
    const edges = out.get(a) ?? new Set<string>();
    out.set(a, edges);
    for (const to of targets) {
      const b = entryOf(to);
      if (b !== undefined && b !== a) edges.add(b);
    }
  }
  return out;
}

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

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, folderGraph, importGraph, layerOf } from './import-graph';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const graph = importGraph(root);
const named = (found: string[][]) => found.map((c) => c.join(' → '));

describe('the import graph of src/', () => {
  it('is read from the sources: the app shell imports the views, a handler imports the engine', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/main.tsx')?.has('src/app/app.tsx')).toBe(true);
    expect(layerOf('src/cli/sections/funnel.ts')).toBe('src/cli');
  });

  it('has no cycle between files', () => {
    expect(named(cycles(graph))).toEqual([]);
  });

  it('has no cycle between the top-level folders (engine, import, worker, state, lib, charts, ui, features, app, cli, …)', () => {
    expect(named(cycles(folderGraph(graph, layerOf)))).toEqual([]);
  });
});

describe('cycle finding', () => {
  it('names each cycle as the path that closes it, and finds none in a chain', () => {
    const g = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
      ['d', new Set<string>()],
    ]);
    expect(named(cycles(g))).toEqual(['a → b → c → a']);
    expect(
      cycles(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set<string>()],
        ]),
      ),
    ).toEqual([]);
  });

  it('sees folders import each other through different files', () => {
    const g = new Map([
      ['src/lib/x.ts', new Set(['src/worker/y.ts'])],
      ['src/worker/y.ts', new Set<string>()],
      ['src/worker/z.ts', new Set(['src/lib/w.ts'])],
      ['src/lib/w.ts', new Set<string>()],
    ]);
    expect(named(cycles(g))).toEqual([]);
    expect(named(cycles(folderGraph(g, layerOf)))).toEqual(['src/lib → src/worker → src/lib']);
  });
});

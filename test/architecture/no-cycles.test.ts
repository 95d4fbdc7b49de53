import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, entriesGraph, foldersOf, importGraph, type Graph } from './import-graph';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const graph = importGraph(root);
const named = (found: string[][]) => found.map((c) => c.join(' → '));
/** The cycles between the entries side by side of every folder of `g`. */
const folderCycles = (g: Graph) => foldersOf(g).flatMap((folder) => named(cycles(entriesGraph(g, folder))));

describe('the import graph of src/', () => {
  it('is read from the sources: the app shell imports the views, a handler imports the engine', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/main.tsx')?.has('src/app/app.tsx')).toBe(true);
    expect(foldersOf(graph)).toEqual(
      expect.arrayContaining(['src', 'src/cli', 'src/cli/sections', 'src/engine/funnel']),
    );
  });

  it('has no cycle between files', () => {
    expect(named(cycles(graph))).toEqual([]);
  });

  it('has no cycle between the top-level folders (engine, import, worker, state, lib, charts, ui, features, app, cli, …)', () => {
    expect(named(cycles(entriesGraph(graph, 'src')))).toEqual([]);
  });

  it('has no cycle between folders side by side at any depth (engine/*, features/*, cli/sections and cli/*.ts, …)', () => {
    expect(folderCycles(graph)).toEqual([]);
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
    expect(folderCycles(g)).toEqual(['src/lib → src/worker → src/lib']);
  });

  it('sees subfolders, and a file beside a folder, import each other at any depth', () => {
    const g = new Map([
      ['src/cli/report-sections.ts', new Set(['src/cli/sections/funnel.ts'])],
      ['src/cli/sections/funnel.ts', new Set<string>()],
      ['src/cli/sections/forecast.ts', new Set(['src/cli/report-sections.ts'])],
      ['src/engine/funnel/reach.ts', new Set(['src/engine/model/columns.ts'])],
      ['src/engine/model/columns.ts', new Set<string>()],
      ['src/engine/model/stages.ts', new Set(['src/engine/funnel/labels.ts'])],
      ['src/engine/funnel/labels.ts', new Set<string>()],
    ]);
    expect(named(cycles(g))).toEqual([]);
    expect(folderCycles(g)).toEqual([
      'src/cli/report-sections.ts → src/cli/sections → src/cli/report-sections.ts',
      'src/engine/funnel → src/engine/model → src/engine/funnel',
    ]);
  });

  it('lets a folder’s files import its subfolders and be imported by them, when no file comes back to itself', () => {
    const g = new Map([
      ['src/worker/api.ts', new Set(['src/worker/handlers/funnel.ts'])],
      ['src/worker/handlers/funnel.ts', new Set(['src/worker/state.ts'])],
      ['src/worker/state.ts', new Set<string>()],
    ]);
    expect(folderCycles(g)).toEqual([]);
  });
});

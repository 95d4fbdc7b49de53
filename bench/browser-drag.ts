/**
 * The browser benchmark (not part of `npm test`): `npm run bench:browser [-- --leads 100000] [--json]
 * [--out file.json] [--port 4381] [--timeout 900] [--demo] [--profile] [--trace]`. Expects a production build in
 * `dist/` (`npx vite build`); serves it with `vite preview` in its own process group and drives
 * Debian's chromium.
 *
 * Load: the canonical CSV folder of a demo company of `--leads` leads (default 1,000,000), generated
 * once by scripts/generate-demo.ts into bench/.data/ and reused, is chosen in the Data view's file
 * input (the page opens on a one-lead demo company). From the moment the files are chosen it times
 * each step until every view is usable: the preview's import report ("read and checked"), the loaded
 * Data view after "Replace the current dataset", then the Funnel, Qualification rules (what-if) and
 * Forecast views, visited in turn through the navigation, each until its figures show. Load to
 * usable is the last of these. A step that does not come (an error shown by the app, a crashed page,
 * `--timeout` seconds without it) stops the benchmark with where it stopped, after how long, the
 * message and the last import progress shown. `--demo` instead opens the Rules view with a demo
 * company generated in the page through the `?demoLeads=` URL parameter.
 *
 * Memory: every 250 ms the used JS heap of the page and of every worker it starts (nested scoring
 * workers included), over CDP, and the resident memory of the page's renderer process; peaks per
 * phase.
 *
 * Drags: the MQL minimum fit slider and the decay half-life slider, 3 s each at about 60 mouse moves
 * per second. For each drag it prints the long tasks (PerformanceObserver 'longtask', over 50 ms),
 * input-to-paint percentiles (each pointer event's timestamp to the next requestAnimationFrame
 * callback), the engine requests in flight at most and sent in all, the URL (history) writes, and the
 * time until the what-if figures stop changing after release.
 * `--profile` adds a CPU profile of the main thread per drag (functions and components by time);
 * `--trace` a Chromium trace (main-thread events by time, and each long task's wall-clock and CPU
 * time: on a loaded machine a task can last long while waiting for a core). Both go to stderr.
 * It prints figures only; it never asserts timings (exit code 1 only when the load or a drag did not finish).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { relative } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import {
  canonicalFiles,
  loadThroughDataView,
  startMemorySampler,
  type LoadResult,
  type PhaseMemory,
} from './browser-load';
import { ensureDemoData } from './data';

const DRAG_MS = 3000;
const MOVES_PER_SECOND = 60;
/** Settled: no engine request in flight and no what-if change or engine reply for this long (ms). */
const SETTLED_MS = 1000;

interface Options {
  readonly leads: number;
  readonly json: boolean;
  readonly port: number;
  /** Print where the main thread spent its time during each drag (a CDP CPU profile). */
  readonly profile: boolean;
  /** Print the main thread's trace events (style, layout, paint, scripts…) by total time during each drag. */
  readonly trace: boolean;
  /** Open a generated demo company through `?demoLeads=` instead of choosing a canonical folder's files. */
  readonly demo: boolean;
  /** Longest wait for one load step (s). */
  readonly timeoutS: number;
  /** Also write the JSON result to this file. */
  readonly out: string | null;
}

/** One slider drag's figures (ms, page clock). */
export interface DragResult {
  readonly slider: string;
  readonly moves: number;
  readonly inputEvents: number;
  /** DOM mutations of the what-if table from the press to the settled figures. */
  readonly whatIfUpdates: number;
  readonly longTasks: number;
  readonly longestTaskMs: number;
  readonly inputToPaintMs: { readonly p50: number; readonly p95: number; readonly max: number };
  /** Most engine requests in flight at once during the drag and its settling. */
  readonly maxRequestsInFlight: number;
  /** Engine requests sent to the worker from the press to the settled figures. */
  readonly requestsSent: number;
  /** URL (history) writes from the press to the settled figures, and the main-thread time they took. */
  readonly historyWrites: number;
  readonly historyMs: number;
  /** False when the figures were still changing (or a request was in flight) 5 minutes after release. */
  readonly settled: boolean;
  /**
   * Release to the last change of the what-if figures or the last engine reply, whichever is later,
   * once no request is in flight; 0 when everything was already final at release.
   */
  readonly finalRecomputeMs: number;
}

function parse(argv: readonly string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const leads = Number(value('--leads') ?? 1_000_000);
  const port = Number(value('--port') ?? 4381);
  const timeoutS = Number(value('--timeout') ?? 900);
  if (!Number.isSafeInteger(timeoutS) || timeoutS <= 0) throw new Error('--timeout takes seconds');
  if (!Number.isSafeInteger(leads) || leads <= 0) throw new Error('--leads takes a positive integer');
  if (!Number.isSafeInteger(port) || port <= 0) throw new Error('--port takes a port number');
  return {
    leads,
    port,
    timeoutS,
    out: value('--out') ?? null,
    json: argv.includes('--json'),
    profile: argv.includes('--profile'),
    trace: argv.includes('--trace'),
    demo: argv.includes('--demo'),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The value at fraction `p` (0–1) of sorted `xs` (nearest rank); NaN when empty. */
function quantile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const round = (x: number) => Math.round(x * 10) / 10;

function startPreview(port: number): ChildProcess {
  // detached: its own process group, so the whole group (npx/vite and children) can be killed.
  return spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function stopPreview(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null)
      throw new Error(`vite preview exited with code ${child.exitCode} (is the port taken?)`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/**
 * Before the app starts: counts engine requests in flight by wrapping the page's Worker (each comlink
 * request carries an `id` that its reply echoes), so the benchmark knows when the last recompute is back.
 */
async function trackWorkerRequests(page: Page): Promise<void> {
  await page.addInitScript(() => {
    // History writes (the URL following a slider) and the main-thread time they take.
    const h = { writes: 0, ms: 0 };
    (window as unknown as { __historyTrack: typeof h }).__historyTrack = h;
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name].bind(history);
      history[name] = (data: unknown, unused: string, url?: string | URL | null) => {
        const t0 = performance.now();
        original(data, unused, url);
        h.ms += performance.now() - t0;
        h.writes++;
      };
    }
    const t = { pending: new Set<unknown>(), maxPending: 0, sent: 0, lastReply: 0 };
    (window as unknown as { __workerTrack: typeof t }).__workerTrack = t;
    const Base = window.Worker;
    window.Worker = class extends Base {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent) => {
          const id = (e.data as { id?: unknown } | null)?.id;
          if (id !== undefined && t.pending.delete(id)) t.lastReply = performance.now();
        });
      }
      override postMessage(message: unknown, options?: unknown): void {
        const id = (message as { id?: unknown } | null)?.id;
        if (id !== undefined) {
          t.pending.add(id);
          t.sent++;
          t.maxPending = Math.max(t.maxPending, t.pending.size);
        }
        super.postMessage(message, options as StructuredSerializeOptions);
      }
    };
  });
}

/** Installs the page-side probes: long tasks, pointer-event-to-next-frame, what-if mutations. */
async function installProbes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __bench: Record<string, unknown> };
    const b = {
      longTasks: [] as number[],
      paint: [] as number[],
      inputs: 0,
      release: 0,
      lastChange: 0,
      changes: 0,
      active: false,
    };
    w.__bench = b;
    new PerformanceObserver((list) => {
      if (b.active) for (const e of list.getEntries()) b.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
    window.addEventListener(
      'pointermove',
      (e) => {
        if (!b.active) return;
        const start = e.timeStamp;
        requestAnimationFrame(() => b.paint.push(performance.now() - start));
      },
      { capture: true },
    );
    window.addEventListener('input', () => (b.active ? b.inputs++ : 0), { capture: true });
    window.addEventListener('pointerup', () => (b.release = performance.now()), { capture: true });
    const table = document.querySelector('table[aria-label="What-if figures"]');
    if (!table) throw new Error('the what-if table is not on the page');
    new MutationObserver(() => {
      b.lastChange = performance.now();
      if (b.active) b.changes++;
    }).observe(table, { subtree: true, childList: true, characterData: true });
  });
}

async function drag(page: Page, sliderName: string): Promise<DragResult> {
  const slider = page.getByRole('slider', { name: sliderName, exact: true });
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  if (!box) throw new Error(`slider "${sliderName}" is not visible`);
  const [value, min, max] = await slider.evaluate((el: HTMLInputElement) => [
    Number(el.value),
    Number(el.min),
    Number(el.max),
  ]);
  const y = box.y + box.height / 2;
  const xAt = (f: number) => box.x + 8 + (box.width - 16) * f;
  const from = (value - min) / (max - min || 1);
  await page.evaluate(() => {
    const b = (
      window as unknown as {
        __bench: { longTasks: number[]; paint: number[]; inputs: number; changes: number; active: boolean };
      }
    ).__bench;
    b.longTasks.length = 0;
    b.paint.length = 0;
    b.inputs = 0;
    b.changes = 0;
    b.active = true;
    const t = (window as unknown as { __workerTrack: { maxPending: number; sent: number } }).__workerTrack;
    t.maxPending = 0;
    t.sent = 0;
    const h = (window as unknown as { __historyTrack: { writes: number; ms: number } }).__historyTrack;
    h.writes = 0;
    h.ms = 0;
  });
  await page.mouse.move(xAt(from), y);
  await page.mouse.down();
  // A triangle wave over 10–90 % of the track, one and a half sweeps in 3 s.
  const moves = Math.round((DRAG_MS / 1000) * MOVES_PER_SECOND);
  const start = Date.now();
  for (let i = 1; i <= moves; i++) {
    const phase = ((i / moves) * 1.5 + from / 2) % 1;
    const f = 0.1 + 0.8 * (phase < 0.5 ? phase * 2 : 2 - phase * 2);
    await page.mouse.move(xAt(f), y);
    const wait = start + (i * 1000) / MOVES_PER_SECOND - Date.now();
    if (wait > 0) await sleep(wait);
  }
  await page.mouse.up();
  // Wait until the what-if figures have not changed for SETTLED_MS (at most 5 minutes).
  const end = Date.now() + 300_000;
  let settled: boolean;
  let probe: {
    longTasks: number[];
    paint: number[];
    inputs: number;
    changes: number;
    release: number;
    lastChange: number;
    pending: number;
    maxPending: number;
    sent: number;
    lastReply: number;
    historyWrites: number;
    historyMs: number;
    now: number;
  };
  for (;;) {
    await sleep(250);
    probe = await page.evaluate(() => {
      const b = (
        window as unknown as {
          __bench: {
            longTasks: number[];
            paint: number[];
            inputs: number;
            changes: number;
            release: number;
            lastChange: number;
          };
        }
      ).__bench;
      const t = (
        window as unknown as {
          __workerTrack: { pending: Set<unknown>; maxPending: number; sent: number; lastReply: number };
        }
      ).__workerTrack;
      const h = (window as unknown as { __historyTrack: { writes: number; ms: number } }).__historyTrack;
      return {
        ...b,
        pending: t.pending.size,
        maxPending: t.maxPending,
        sent: t.sent,
        lastReply: t.lastReply,
        historyWrites: h.writes,
        historyMs: h.ms,
        now: performance.now(),
      };
    });
    const busy = await page.getByText('Computing the what-if…').count();
    const quietSince = Math.max(probe.lastChange, probe.lastReply, probe.release);
    settled = busy === 0 && probe.pending === 0 && probe.now - quietSince >= SETTLED_MS;
    if (settled || Date.now() > end) break;
  }
  await page.evaluate(() => ((window as unknown as { __bench: { active: boolean } }).__bench.active = false));
  return {
    slider: sliderName,
    moves,
    inputEvents: probe.inputs,
    whatIfUpdates: probe.changes,
    longTasks: probe.longTasks.length,
    longestTaskMs: round(Math.max(0, ...probe.longTasks)),
    inputToPaintMs: {
      p50: round(quantile(probe.paint, 0.5)),
      p95: round(quantile(probe.paint, 0.95)),
      max: round(Math.max(0, ...probe.paint)),
    },
    maxRequestsInFlight: probe.maxPending,
    requestsSent: probe.sent,
    historyWrites: probe.historyWrites,
    historyMs: round(probe.historyMs),
    settled,
    finalRecomputeMs: round(Math.max(0, Math.max(probe.lastChange, probe.lastReply) - probe.release)),
  };
}

interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A CDP CPU profiler of the page's main thread (`--profile`). */
async function startProfiler(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  return {
    start: async () => void (await cdp.send('Profiler.start')),
    stop: async () => (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile,
  };
}

/** Prints to stderr the functions with the most self time and the most total time in a profile. */
function printProfile(slider: string, p: CpuProfile): void {
  const parent = new Map<number, number>();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const k = keyOf(id);
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(keyOf(at));
    for (const s of seen) total.set(s, (total.get(s) ?? 0) + dt);
  });
  // Runs of samples without idle time longer than 50 ms: the long tasks, and what they spent time in.
  const runs: Array<{ ms: number; total: Map<string, number> }> = [];
  let run: { ms: number; total: Map<string, number> } | null = null;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    if (byId.get(id)!.callFrame.functionName === '(idle)') {
      if (run && run.ms > 50) runs.push(run);
      run = null;
      return;
    }
    run ??= { ms: 0, total: new Map() };
    run.ms += dt;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(keyOf(at));
    for (const k of seen) run.total.set(k, (run.total.get(k) ?? 0) + dt);
  });
  const longRuns = runs.sort((x, y) => y.ms - x.ms).slice(0, 6);
  for (const r of longRuns) {
    const parts = [...r.total]
      .filter(([k]) => !/^\((root|program)\)/.test(k))
      .sort((x, y) => y[1] - x[1])
      .slice(0, 30);
    console.error(
      `\n  busy run of ${r.ms.toFixed(0)} ms:\n${parts.map(([k, ms]) => `    ${ms.toFixed(0).padStart(5)} ms  ${k}`).join('\n')}`,
    );
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => `    ${ms.toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  const components = new Map([...total].filter(([k]) => /^[A-Z]/.test(k)));
  console.error(
    `\nprofile of the ${slider} drag: self time\n${top(self, 25)}\n  total time\n${top(total, 40)}\n  total time of components (names in capitals)\n${top(components, 30)}`,
  );
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time of the event, µs. */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string };
}

/** Records a Chromium trace of the page (`--trace`); the returned function stops it and gives the events. */
async function startTrace(page: Page): Promise<() => Promise<TraceEvent[]>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline,blink.user_timing,__metadata',
    transferMode: 'ReportEvents',
  });
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/** Prints to stderr the main thread's complete events by total duration, and its longest tasks. */
function printTrace(slider: string, events: readonly TraceEvent[]): void {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return;
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const byName = new Map<string, number>();
  for (const e of onMain) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur! / 1000);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur! > 50_000).sort((a, b) => b.dur! - a.dur!);
  const cpu = tasks.reduce((sum, t) => sum + (t.tdur ?? 0), 0) / 1000;
  const wall = tasks.reduce((sum, t) => sum + t.dur!, 0) / 1000;
  const lines = [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([n, ms]) => `    ${ms.toFixed(0).padStart(7)} ms  ${n}`);
  console.error(
    `\ntrace of the ${slider} drag: main-thread events by total time (nested events counted in each)\n${lines.join('\n')}`,
  );
  console.error(
    `  tasks over 50 ms: ${tasks.length}, ${wall.toFixed(0)} ms wall-clock, ${cpu.toFixed(0)} ms on the CPU (the rest: waiting for a core)`,
  );
  for (const t of tasks.slice(0, 5)) {
    const inner = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!);
    const m = new Map<string, number>();
    for (const e of inner) m.set(e.name, (m.get(e.name) ?? 0) + e.dur! / 1000);
    const top = [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([n, ms]) => `${n} ${ms.toFixed(0)}`)
      .join(', ');
    console.error(
      `  task of ${(t.dur! / 1000).toFixed(0)} ms (${((t.tdur ?? 0) / 1000).toFixed(0)} ms on the CPU): ${top}`,
    );
  }
}

async function main(): Promise<void> {
  const opts = parse(process.argv.slice(2));
  if (!existsSync('dist/index.html')) {
    console.error('dist/ is missing: run `npx vite build` first (npm run bench:browser builds nothing itself).');
    process.exit(2);
  }
  const log = (line: string) => console.error(line);
  const loadBefore = loadavg()[0]!;
  // The canonical folder is generated once per size (bench/.data, shared with `npm run bench`).
  const dir = opts.demo ? null : ensureDemoData(opts.leads, log);
  const base = `http://127.0.0.1:${opts.port}`;
  const preview = startPreview(opts.port);
  const cleanup = () => stopPreview(preview);
  process.on('exit', cleanup);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(130));
  const browser = await (async () => {
    await waitForServer(base + '/', preview, 30_000);
    return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  })().catch((e: unknown) => {
    cleanup();
    throw e;
  });
  let failed = false;
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await trackWorkerRequests(page);
    const memory = await startMemorySampler(page);
    let load: LoadResult | null = null;
    let demoLoadMs: number | null = null;
    if (dir) {
      // The smallest demo company first (the app always opens on one), then the folder through the file input.
      memory.phase('open');
      await page.goto(`${base}/data?demoLeads=1`);
      await page.getByTestId('dataset-name').waitFor({ timeout: 120_000 });
      await page.getByLabel('Files to import').waitFor({ state: 'attached' });
      log(`Choosing the ${opts.leads.toLocaleString('en-US')}-lead canonical folder ${dir} in the Data view…`);
      load = await loadThroughDataView(page, canonicalFiles(dir), opts.leads, {
        timeoutMs: opts.timeoutS * 1000,
        onStep: (step) => memory.phase(`load: ${step}`),
        log,
      });
    } else {
      memory.phase('load: demo');
      const loadStart = Date.now();
      await page.goto(`${base}/rules?demoLeads=${opts.leads}`);
      await page.getByTestId('dataset-name').waitFor({ timeout: 600_000 });
      await page.getByTestId('whatif-draft-MQLs').filter({ hasText: /\d/ }).waitFor({ timeout: 600_000 });
      demoLoadMs = Date.now() - loadStart;
    }
    const drags: DragResult[] = [];
    let dragError: string | null = null;
    if (!load?.failure) {
      // A drag that cannot run (a slider missing, the page gone) still leaves the load's figures printed.
      try {
        const loaded = await page.getByTestId('dataset-name').innerText();
        log(`Loaded ${loaded.trim()}; dragging the sliders on the Qualification rules view…`);
        await page
          .getByRole('navigation', { name: 'Views' })
          .getByRole('link', { name: 'Qualification rules', exact: true })
          .click();
        await page.getByTestId('whatif-draft-MQLs').filter({ hasText: /\d/ }).waitFor({ timeout: 600_000 });
        await installProbes(page);
        const profiler = opts.profile ? await startProfiler(page) : null;
        for (const slider of ['MQL minimum fit', 'Decay half-life']) {
          memory.phase(`drag: ${slider}`);
          await profiler?.start();
          const tracing = opts.trace ? await startTrace(page) : null;
          drags.push(await drag(page, slider));
          if (profiler) printProfile(slider, await profiler.stop());
          if (tracing) printTrace(slider, await tracing());
        }
      } catch (e) {
        dragError = e instanceof Error ? e.message.split('\n')[0]! : String(e);
        failed = true;
      }
    } else failed = true;
    await memory.stop();
    const phases = memory.summary();
    const during = (prefix: string) => peakOf(phases.filter((p) => p.phase.startsWith(prefix)));
    const result: BenchResult = {
      at: new Date().toISOString(),
      chromium: browser.version(),
      leads: opts.leads,
      loadAverage: { before: round(loadBefore), after: round(loadavg()[0]!) },
      source: dir ? 'files' : 'demo',
      folder: dir && relative(process.cwd(), dir),
      crossOriginIsolated: await page.evaluate(() => crossOriginIsolated).catch(() => null),
      jsHeapSizeLimitMb: await page
        .evaluate(() =>
          Math.round(
            (performance as unknown as { memory?: { jsHeapSizeLimit: number } }).memory!.jsHeapSizeLimit / 1024 / 1024,
          ),
        )
        .catch(() => null),
      load,
      demoLoadMs,
      workersReached: memory.workersReached(),
      memory: { load: during('load'), drags: during('drag'), phases },
      drags,
      dragError,
    };
    if (opts.out) writeFileSync(opts.out, `${JSON.stringify(result, null, 2)}\n`);
    if (opts.json) console.log(JSON.stringify(result));
    else printTable(result);
  } finally {
    await browser.close();
    cleanup();
  }
  if (failed) process.exitCode = 1;
}

/** The largest figures over several phases' memory (MB). */
function peakOf(phases: readonly PhaseMemory[]): {
  pageHeapMb: number;
  totalHeapMb: number;
  totalHeapAndBuffersMb: number;
  rendererRssMb: number | null;
  workerHeapMb: Record<string, number>;
} {
  const workerHeapMb: Record<string, number> = {};
  for (const p of phases)
    for (const [k, v] of Object.entries(p.workerHeapMb)) workerHeapMb[k] = Math.max(workerHeapMb[k] ?? 0, v);
  const rss = phases.map((p) => p.rendererRssMb).filter((x): x is number => x !== null);
  return {
    pageHeapMb: Math.max(0, ...phases.map((p) => p.pageHeapMb)),
    totalHeapMb: Math.max(0, ...phases.map((p) => p.totalHeapMb)),
    totalHeapAndBuffersMb: Math.max(0, ...phases.map((p) => p.totalHeapAndBuffersMb)),
    rendererRssMb: rss.length ? Math.max(...rss) : null,
    workerHeapMb,
  };
}

interface BenchResult {
  /** When the run ended (ISO 8601, UTC). */
  readonly at: string;
  readonly chromium: string;
  readonly leads: number;
  /** The machine's 1-minute load average (uptime) before and after the run: other work competing for the cores. */
  readonly loadAverage: { readonly before: number; readonly after: number };
  readonly source: 'files' | 'demo';
  readonly folder: string | null;
  readonly crossOriginIsolated: boolean | null;
  readonly jsHeapSizeLimitMb: number | null;
  readonly load: LoadResult | null;
  /** --demo: opening the Rules view with a generated demo company to its first what-if (ms). */
  readonly demoLoadMs: number | null;
  readonly workersReached: readonly string[];
  readonly memory: {
    readonly load: ReturnType<typeof peakOf>;
    readonly drags: ReturnType<typeof peakOf>;
    readonly phases: readonly PhaseMemory[];
  };
  readonly drags: readonly DragResult[];
  /** Why the drags stopped, when they did. */
  readonly dragError: string | null;
}

const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function printMemory(label: string, m: ReturnType<typeof peakOf>): void {
  const workers = Object.entries(m.workerHeapMb)
    .map(([k, v]) => `${k} ${v} MB`)
    .join(', ');
  console.log(
    `  ${label}: JS heap peak ${m.totalHeapMb} MB (page and workers in one sample; ${m.totalHeapAndBuffersMb} MB with array buffers); page ${m.pageHeapMb} MB` +
      `${workers ? `; workers: ${workers}` : ''}; renderer resident memory ${m.rendererRssMb ?? '?'} MB`,
  );
}

function printTable(r: BenchResult): void {
  console.log(
    `${r.at}, chromium ${r.chromium}: ${r.leads.toLocaleString('en-US')} leads; cross-origin isolated: ${r.crossOriginIsolated}; JS heap limit per isolate: ${r.jsHeapSizeLimitMb} MB; ` +
      `load average ${r.loadAverage.before} before, ${r.loadAverage.after} after`,
  );
  if (r.load) {
    const l = r.load;
    console.log(`Files chosen in the Data view: ${l.files.length} CSV files, ${l.fileMb} MB (${l.files.join(', ')})`);
    console.log(`  the Data view stated: ${l.limitStatement}`);
    for (const s of l.steps) console.log(`  ${s1(s.atMs).padStart(8)}  ${s.step}: ${s.shows}`);
    if (l.usableMs !== null)
      console.log(`  load to usable (choosing the files to the Forecast figures): ${s1(l.usableMs)}`);
    if (l.failure)
      console.log(
        `  STOPPED at "${l.failure.step}" after ${s1(l.failure.afterMs)}: ${l.failure.message}; last progress shown: ${l.failure.lastProgress || '(none)'}`,
      );
  }
  if (r.demoLoadMs !== null) console.log(`Demo company (--demo) to the first what-if: ${s1(r.demoLoadMs)}`);
  console.log(
    `Memory (CDP Runtime.getHeapUsage every ${250} ms; workers reached: ${r.workersReached.join(', ') || 'none'})`,
  );
  printMemory('load', r.memory.load);
  if (r.drags.length) printMemory('drags', r.memory.drags);
  for (const d of r.drags) {
    console.log(
      `\n${d.slider}: ${d.moves} mouse moves in ${DRAG_MS / 1000} s, ${d.inputEvents} input events, ${d.whatIfUpdates} what-if table updates`,
    );
    console.log(`  long tasks: ${d.longTasks}, longest ${d.longestTaskMs} ms`);
    console.log(
      `  input-to-paint: p50 ${d.inputToPaintMs.p50} ms, p95 ${d.inputToPaintMs.p95} ms, max ${d.inputToPaintMs.max} ms`,
    );
    console.log(`  engine requests in flight at most: ${d.maxRequestsInFlight}; sent: ${d.requestsSent}`);
    console.log(`  URL writes: ${d.historyWrites} (${d.historyMs} ms)`);
    console.log(
      `  final exact recompute shown after release: ${d.finalRecomputeMs} ms${d.settled ? '' : ' (NOT settled after 5 min)'}`,
    );
  }
  if (r.dragError) console.log(`\nDRAGS STOPPED after ${r.drags.length} of 2: ${r.dragError}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

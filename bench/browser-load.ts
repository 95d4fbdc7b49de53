/**
 * The load half of the browser benchmark: a canonical folder chosen through the Data view's file
 * input, timed phase by phase until every view shows its figures, and the memory the page and its
 * workers use meanwhile (CDP heap samples and the renderer's resident memory from /proc).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

/** How often the memory samplers read the heaps and the resident memory (ms). */
const SAMPLE_MS = 250;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The files a user picks from a canonical folder: its CSV files (manifest.json only describes the generated company). */
export function canonicalFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => join(dir, f));
}

/** One memory sample: the used JS heap of each reachable isolate, and the renderer processes' resident memory. */
interface Sample {
  readonly phase: string;
  /** Used JS heap per target (the page, each worker), bytes. */
  readonly heaps: ReadonlyMap<string, number>;
  /** Array buffer backing stores per target (typed arrays' memory, outside the V8 heap), bytes. */
  readonly buffers: ReadonlyMap<string, number>;
  /** Resident memory of chromium's renderer processes (the page and its workers live there), bytes; null off Linux. */
  readonly rendererRss: number | null;
}

export interface PhaseMemory {
  readonly phase: string;
  readonly samples: number;
  /** Largest used JS heap of the page's main thread (MB). */
  readonly pageHeapMb: number;
  /** Largest used JS heap of each worker reached, by its script name (MB). */
  readonly workerHeapMb: Readonly<Record<string, number>>;
  /** Largest sum of the used JS heaps of the page and every worker in one sample (MB). */
  readonly totalHeapMb: number;
  /**
   * Largest sum over the page and every worker, in one sample, of the used JS heap plus the array
   * buffers' backing stores (MB). A SharedArrayBuffer is counted in every isolate that holds it.
   */
  readonly totalHeapAndBuffersMb: number;
  /** Largest resident memory of the renderer processes (MB); null where /proc is missing. */
  readonly rendererRssMb: number | null;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Pids of this process's descendants whose command line holds all of `words`. */
function descendants(words: readonly string[]): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const parent = new Map<number, number>();
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
      parent.set(Number(e), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const mine = (pid: number): boolean => {
    for (
      let at: number | undefined = parent.get(pid), hops = 0;
      at !== undefined && hops < 64;
      at = parent.get(at), hops++
    )
      if (at === process.pid) return true;
    return false;
  };
  return [...parent.keys()].filter((pid) => {
    if (!mine(pid)) return false;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return words.every((w) => cmd.includes(w));
    } catch {
      return false;
    }
  });
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** A worker reached over CDP (`Target.setAutoAttach`), asked for its heap through its session. */
interface WorkerTarget {
  readonly label: string;
  readonly sessionId: string;
  /** The session that attached it: the page's, or its parent worker's. */
  readonly via: WorkerTarget | null;
}

/**
 * Samples, every SAMPLE_MS until stopped, the used JS heap of the page (`Runtime.getHeapUsage`) and
 * of every dedicated worker it starts, nested ones included (attached with `Target.setAutoAttach`,
 * asked through `Target.sendMessageToTarget`), and the renderer processes' resident memory. Samples
 * are labelled with the phase set by `phase()`. A sample waits for each isolate to answer, so an
 * isolate busy in one long task is sampled when the task ends.
 */
export async function startMemorySampler(page: Page): Promise<{
  phase(name: string): void;
  stop(): Promise<void>;
  summary(): PhaseMemory[];
  workersReached(): string[];
}> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const workers = new Map<string, WorkerTarget>();
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  const rawSend = (target: WorkerTarget | null, message: string): Promise<unknown> => {
    if (!target) throw new Error('unreachable');
    const wrap = (t: WorkerTarget, inner: string): Promise<unknown> =>
      t.via
        ? wrap(
            t.via,
            JSON.stringify({
              id: nextId++,
              method: 'Target.sendMessageToTarget',
              params: { sessionId: t.sessionId, message: inner },
            }),
          )
        : cdp.send('Target.sendMessageToTarget', { sessionId: t.sessionId, message: inner });
    return wrap(target, message);
  };
  /** Sends a CDP command to a worker and waits for its reply (rejects after 30 s). */
  const sendToWorker = (t: WorkerTarget, method: string, params: object = {}): Promise<unknown> => {
    const id = nextId++;
    const reply = new Promise<unknown>((resolve, reject) => {
      pending.set(id, resolve);
      setTimeout(() => {
        if (pending.delete(id)) reject(new Error(`${t.label}: no reply to ${method}`));
      }, 30_000);
    });
    void rawSend(t, JSON.stringify({ id, method, params })).catch(() => undefined);
    return reply;
  };
  // Replies and nested attach events arrive wrapped, once per level of nesting.
  const onMessage = (from: WorkerTarget | null, sessionId: string, message: string) => {
    const t = [...workers.values()].find((w) => w.sessionId === sessionId && w.via === from);
    if (!t) return;
    const m = JSON.parse(message) as {
      id?: number;
      result?: unknown;
      method?: string;
      params?: Record<string, unknown>;
    };
    if (m.id !== undefined) {
      pending.get(m.id)?.(m.result);
      pending.delete(m.id);
    } else if (m.method === 'Target.attachedToTarget') attach(t, m.params as never);
    else if (m.method === 'Target.receivedMessageFromTarget')
      onMessage(t, String(m.params!.sessionId), String(m.params!.message));
    else if (m.method === 'Target.detachedFromTarget') workers.delete(`${t.sessionId}/${String(m.params!.sessionId)}`);
  };
  const attach = (via: WorkerTarget | null, e: { sessionId: string; targetInfo: { type: string; url: string } }) => {
    if (e.targetInfo.type !== 'worker') return;
    const name =
      e.targetInfo.url
        .replace(/^.*\//, '')
        .replace(/[-.][\w-]{8}\.js$/, '')
        .replace(/\?.*$/, '') || 'worker';
    let label = name;
    for (let k = 2; [...workers.values()].some((w) => w.label === label); k++) label = `${name}#${k}`;
    const t: WorkerTarget = { label, sessionId: e.sessionId, via };
    workers.set(`${via?.sessionId ?? 'page'}/${e.sessionId}`, t);
    // Its own workers (the scoring pool) attach through it.
    void sendToWorker(t, 'Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    }).catch(() => undefined);
  };
  cdp.on('Target.attachedToTarget', (e) => attach(null, e as never));
  cdp.on('Target.receivedMessageFromTarget', (e) => onMessage(null, e.sessionId, e.message));
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(`page/${e.sessionId}`));
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  const samples: Sample[] = [];
  let phase = 'start';
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      const heaps = new Map<string, number>();
      const buffers = new Map<string, number>();
      const keep = (label: string, r: unknown) => {
        const u = r as { usedSize: number; backingStorageSize?: number };
        heaps.set(label, u.usedSize);
        buffers.set(label, u.backingStorageSize ?? 0);
      };
      const asks: Promise<void>[] = [
        cdp
          .send('Runtime.getHeapUsage')
          .then((r) => keep('page', r))
          .catch(() => undefined),
        ...[...workers.values()].map((w) =>
          sendToWorker(w, 'Runtime.getHeapUsage')
            .then((r) => keep(w.label, r))
            .catch(() => undefined),
        ),
      ];
      const at = phase;
      await Promise.all(asks);
      // The page's renderer (its workers run in it), not the browser's own UI renderer.
      const renderers = descendants(['chromium', '--type=renderer']).filter(
        (pid) => !/--top-chrome-webui|--extension-process/.test(cmdline(pid)),
      );
      samples.push({
        phase: at,
        heaps,
        buffers,
        rendererRss: renderers.length ? renderers.reduce((s, pid) => s + rssBytes(pid), 0) : null,
      });
      await sleep(Math.max(0, SAMPLE_MS - (Date.now() - started)));
    }
  })();
  return {
    phase: (name) => void (phase = name),
    stop: async () => {
      running = false;
      await loop;
      await cdp.detach().catch(() => undefined);
    },
    workersReached: () => [...new Set([...workers.values()].map((w) => w.label))],
    summary: () => {
      const phases = [...new Set(samples.map((s) => s.phase))];
      return phases.map((p) => {
        const mine = samples.filter((s) => s.phase === p);
        const workerPeak: Record<string, number> = {};
        let pagePeak = 0;
        let totalPeak = 0;
        let withBuffersPeak = 0;
        let rssPeak: number | null = null;
        for (const s of mine) {
          let total = 0;
          for (const [label, used] of s.heaps) {
            total += used;
            if (label === 'page') pagePeak = Math.max(pagePeak, used);
            else workerPeak[label] = Math.max(workerPeak[label] ?? 0, used);
          }
          totalPeak = Math.max(totalPeak, total);
          withBuffersPeak = Math.max(withBuffersPeak, total + [...s.buffers.values()].reduce((a, b) => a + b, 0));
          if (s.rendererRss !== null) rssPeak = Math.max(rssPeak ?? 0, s.rendererRss);
        }
        return {
          phase: p,
          samples: mine.length,
          pageHeapMb: mb(pagePeak),
          workerHeapMb: Object.fromEntries(Object.entries(workerPeak).map(([k, v]) => [k, mb(v)])),
          totalHeapMb: mb(totalPeak),
          totalHeapAndBuffersMb: mb(withBuffersPeak),
          rendererRssMb: rssPeak === null ? null : mb(rssPeak),
        };
      });
    },
  };
}

/** One step of the load, from choosing the files: when it ended (ms after the choice). */
export interface LoadStep {
  readonly step: string;
  /** What the step waits for on screen. */
  readonly shows: string;
  readonly atMs: number;
}

export interface LoadResult {
  readonly files: readonly string[];
  readonly fileMb: number;
  /** The Data view's stated import limit, read before the files are chosen. */
  readonly limitStatement: string;
  readonly steps: readonly LoadStep[];
  /** Choosing the files to the last view's figures: null when the load did not get there. */
  readonly usableMs: number | null;
  /** Where the load stopped and why, when it did. */
  readonly failure: {
    readonly step: string;
    readonly afterMs: number;
    readonly message: string;
    readonly lastProgress: string;
  } | null;
}

/** Waits for `shows` to hold, failing fast on an error shown by the app or a crashed page. */
async function until(page: Page, what: () => Promise<unknown>, timeoutMs: number): Promise<void> {
  const alert = page
    .locator('[role="alert"]')
    .first()
    .waitFor({ state: 'visible', timeout: timeoutMs + 1000 })
    .then(async () => {
      throw new Error(
        `the app shows: ${(await page.locator('[role="alert"]').first().innerText()).replace(/\s+/g, ' ').trim()}`,
      );
    });
  const crash = new Promise<never>((_, reject) =>
    page.once('crash', () => reject(new Error('the page crashed (renderer gone: out of memory or killed)'))),
  );
  try {
    await Promise.race([what(), alert, crash]);
  } finally {
    alert.catch(() => undefined);
    crash.catch(() => undefined);
  }
}

/**
 * Opens nothing: the page is on the Data view with a dataset loaded. Chooses `files` in the Data
 * view's file input (Playwright hands chromium the paths, as a file dialog would), then walks the
 * steps a user would: the preview with its import report, "Replace the current dataset", the loaded
 * Data view with its final import report, then the Funnel, Qualification rules and Forecast views
 * through the navigation, each until its figures show. `expectedLeads` is the lead count the preview
 * must announce. The page must not have shown those views before (no earlier figures to mistake).
 */
export async function loadThroughDataView(
  page: Page,
  files: readonly string[],
  expectedLeads: number,
  opts: { readonly timeoutMs: number; readonly onStep: (step: string) => void; readonly log: (line: string) => void },
): Promise<LoadResult> {
  const { statSync } = await import('node:fs');
  const fileMb = Math.round(files.reduce((s, f) => s + statSync(f).size, 0) / 1024 / 1024);
  const limitStatement = (await page.getByTestId('import-limit').innerText()).trim();
  const steps: LoadStep[] = [];
  const leadsText = expectedLeads.toLocaleString('en-US');
  const nav = page.getByRole('navigation', { name: 'Views' });
  const plan: Array<{ step: string; shows: string; run: () => Promise<unknown> }> = [
    {
      step: 'read and checked',
      shows: `"Check before loading" says "Would load: ${leadsText} leads" and the preview's import report is shown`,
      run: async () => {
        await page
          .getByRole('region', { name: 'Check before loading' })
          .getByText(`Would load: ${leadsText} leads`)
          .waitFor({ timeout: opts.timeoutMs });
        await page.getByRole('heading', { name: 'Import report (preview)' }).waitFor({ timeout: opts.timeoutMs });
      },
    },
    {
      step: 'loaded (Data view)',
      shows: '"Replace the current dataset" clicked; "Loaded." and the Data view\'s import report',
      run: async () => {
        await page.getByRole('button', { name: 'Replace the current dataset' }).click();
        await page.getByText('Loaded. Every view now shows your data').waitFor({ timeout: opts.timeoutMs });
        await page.getByRole('heading', { name: 'Import report', exact: true }).waitFor({ timeout: opts.timeoutMs });
      },
    },
    {
      step: 'Funnel',
      shows: "the stage table's Lead row shows a count and the breakdown by source is shown",
      run: async () => {
        await nav.getByRole('link', { name: 'Funnel', exact: true }).click();
        await page
          .locator('.funnel-table tr[data-stage="lead"] td')
          .first()
          .filter({ hasText: /^[\d,]+$/ })
          .waitFor({ timeout: opts.timeoutMs });
        await page.getByRole('table', { name: 'Funnel by Source' }).waitFor({ timeout: opts.timeoutMs });
      },
    },
    {
      step: 'Qualification rules',
      shows: 'the what-if table shows the MQL count under the draft rules',
      run: async () => {
        await nav.getByRole('link', { name: 'Qualification rules', exact: true }).click();
        await page.getByTestId('whatif-draft-MQLs').filter({ hasText: /\d/ }).waitFor({ timeout: opts.timeoutMs });
      },
    },
    {
      step: 'Forecast',
      shows: 'the pipeline headline figures and the "Computed as of" line',
      run: async () => {
        await nav.getByRole('link', { name: 'Forecast', exact: true }).click();
        await page
          .getByRole('region', { name: 'Pipeline headline figures' })
          .getByText('Open pipeline', { exact: true })
          .waitFor({ timeout: opts.timeoutMs });
        await page.getByTestId('forecast-as-of').waitFor({ timeout: opts.timeoutMs });
      },
    },
  ];
  // The progress line the Data view shows while it reads, kept for a failure's "how far it got".
  let lastProgress = '';
  let watching = true;
  let started = Date.now();
  const progressWatch = (async () => {
    let logged = 0;
    while (watching) {
      const text = await page
        .locator('.import-progress span')
        .first()
        .textContent({ timeout: 500 })
        .catch(() => null);
      if (text) {
        lastProgress = text;
        if (Date.now() - logged > 5000) {
          opts.log(`  ${((Date.now() - started) / 1000).toFixed(0)} s: ${text}`);
          logged = Date.now();
        }
      }
      await sleep(500);
    }
  })();
  started = Date.now();
  opts.onStep('read and checked');
  await page.getByLabel('Files to import').setInputFiles([...files]);
  let failure: LoadResult['failure'] = null;
  for (const s of plan) {
    opts.onStep(s.step);
    try {
      await until(page, s.run, opts.timeoutMs);
    } catch (e) {
      failure = {
        step: s.step,
        afterMs: Date.now() - started,
        message: e instanceof Error ? e.message.split('\n')[0]! : String(e),
        lastProgress,
      };
      break;
    }
    steps.push({ step: s.step, shows: s.shows, atMs: Date.now() - started });
    opts.log(`  ${(steps.at(-1)!.atMs / 1000).toFixed(1)} s: ${s.step}`);
  }
  watching = false;
  await progressWatch;
  return {
    files: files.map((f) => f.replace(/^.*\//, '')),
    fileMb,
    limitStatement,
    steps,
    usableMs: failure ? null : steps.at(-1)!.atMs,
    failure,
  };
}

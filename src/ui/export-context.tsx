/**
 * What chart exports need from the app: the subtitle every exported picture carries (dataset, as-of,
 * filters), and the charts of the view on screen, so "Export view" can save them all in one zip.
 */
import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from 'react';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { slugOf } from '../charts/export-theme';
import { downloadBlob, toCsv, type Cell } from '../lib/csv-export';

/** One chart or table of the view, as the export sees it. */
export interface ViewExportEntry {
  readonly title: string;
  /** The frame on screen (for document order). */
  readonly element: () => Element | null;
  /** The chart's picture; absent for tables. */
  readonly png?: () => Promise<Blob>;
  readonly csv?: {
    readonly fileName: string;
    readonly header: readonly string[];
    readonly rows: readonly (readonly Cell[])[];
  };
}

/** The charts and tables currently shown, in the order they mount; listed in document order. */
export class ViewExportRegistry {
  private readonly entries = new Set<ViewExportEntry>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  register(entry: ViewExportEntry): () => void {
    this.entries.add(entry);
    this.changed();
    return () => {
      this.entries.delete(entry);
      this.changed();
    };
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  get size(): number {
    return this.entries.size;
  }

  /** The entries in the order they appear on the page. */
  list(): ViewExportEntry[] {
    return [...this.entries].sort((a, b) => {
      const ea = a.element();
      const eb = b.element();
      if (!ea || !eb) return 0;
      return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  }
}

interface ExportContextValue {
  /** e.g. "Northwind Analytics (demo) · as of Nov 15, 2026 · no filters". */
  readonly subtitle: string;
  /** The view's name, for the zip's file name. */
  readonly viewName: string;
  readonly registry: ViewExportRegistry | null;
}

const ExportContext = createContext<ExportContextValue>({ subtitle: '', viewName: 'view', registry: null });

export function ExportProvider({ value, children }: { value: ExportContextValue; children: ReactNode }) {
  return <ExportContext.Provider value={value}>{children}</ExportContext.Provider>;
}

export const useExportContext = () => useContext(ExportContext);

/** A file name not yet in `taken` (adds "-2", "-3"… before the extension). */
function uniqueName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  let candidate = name;
  for (let k = 2; taken.has(candidate); k++) candidate = `${stem}-${k}${ext}`;
  taken.add(candidate);
  return candidate;
}

/** Every chart's PNG and every CSV of the view, as the files of one zip. */
export async function viewZipFiles(entries: readonly ViewExportEntry[]): Promise<Zippable> {
  const files: Zippable = {};
  const taken = new Set<string>();
  for (const e of entries) {
    if (e.png) {
      const bytes = new Uint8Array(await (await e.png()).arrayBuffer());
      // PNGs are compressed already.
      files[uniqueName(`${slugOf(e.title)}.png`, taken)] = [bytes, { level: 0 }];
    }
    if (e.csv && e.csv.rows.length > 0)
      files[uniqueName(e.csv.fileName, taken)] = strToU8(toCsv(e.csv.header, e.csv.rows));
  }
  return files;
}

/** "Export view": saves every chart of the view (PNGs and CSVs) in one zip. */
export function ExportViewButton() {
  const { registry, viewName } = useExportContext();
  const count = useSyncExternalStore(
    registry?.subscribe ?? noSubscribe,
    () => registry?.size ?? 0,
    () => 0,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!registry || count === 0) return null;
  const exportView = async () => {
    setBusy(true);
    setError(null);
    try {
      const zip = zipSync(await viewZipFiles(registry.list()));
      downloadBlob(
        new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
        `${slugOf(viewName)}-charts.zip`,
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The export failed.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="view-export">
      <button type="button" className="button button--small" disabled={busy} onClick={() => void exportView()}>
        {busy ? 'Exporting…' : 'Export view (PNG + CSV, zip)'}
      </button>
      {error ? (
        <p role="alert" className="chart-frame__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const noSubscribe = () => () => undefined;

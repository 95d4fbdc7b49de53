import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { slugOf } from '../charts/export-theme';
import { downloadCsv, type Cell } from '../lib/csv-export';
import { chartPng, downloadChartPng } from '../charts/png-export';
import { useExportContext } from './export-context';
import { FigureTable, type FigureColumn } from './figure-table';

export interface CsvExport {
  readonly fileName: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface ChartFrameProps {
  /** What the chart measures, e.g. "Leads reaching each stage". */
  readonly title: string;
  /** The units of the figures, e.g. "leads", "% of MQLs", "USD". */
  readonly units?: string;
  /** The definition behind the figures, shown under "How this is computed". */
  readonly definition: ReactNode;
  /** The figures behind the chart, exported as CSV. */
  readonly csv?: CsvExport;
  readonly children: ReactNode;
  /** Extra controls shown beside the title (toggles, selects). */
  readonly controls?: ReactNode;
  /** A table (or a form) exports as CSV only; a chart also as a PNG picture. Default: chart. */
  readonly kind?: 'chart' | 'table';
}

/**
 * The frame every chart uses: title, units, "How this is computed", CSV export, and for charts a PNG
 * that stands on its own (title, subtitle with dataset, as-of and filters, legend, units). The frame
 * also enters the view's "Export view" list while it is shown.
 */
export function ChartFrame({ title, units, definition, csv, children, controls, kind = 'chart' }: ChartFrameProps) {
  const sectionRef = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const headingId = useId();
  const { subtitle, registry } = useExportContext();
  const header = { title, subtitle, units };
  // The latest props, read by the view export when it runs.
  const latest = useRef({ header, csv });
  useEffect(() => {
    latest.current = { header, csv };
  });

  useEffect(() => {
    if (!registry) return;
    const png = () =>
      bodyRef.current
        ? chartPng(bodyRef.current, latest.current.header)
        : Promise.reject(new Error(`${title}: the chart is not shown.`));
    return registry.register({
      title,
      element: () => sectionRef.current,
      png: kind === 'chart' ? png : undefined,
      get csv() {
        return latest.current.csv;
      },
    });
  }, [registry, title, kind]);

  // The chart's accessible name: recharts draws its SVG as a keyboard-operable application
  // without one, and draws it only once it has measured its box (after this frame rendered), so
  // every SVG it adds later is named too.
  const chartName = `${title}${units ? ` (${units})` : ''}: chart; its figures are in the table "Show the figures as a table" below it`;
  useEffect(() => {
    const body = bodyRef.current;
    if (kind !== 'chart' || !body) return;
    const name = () => {
      for (const svg of body.querySelectorAll('.recharts-wrapper > svg')) {
        if (svg.getAttribute('aria-label') !== chartName) svg.setAttribute('aria-label', chartName);
      }
    };
    name();
    const observer = new MutationObserver(name);
    observer.observe(body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [kind, chartName]);

  const exportPng = async () => {
    if (!bodyRef.current) return;
    try {
      setExportError(null);
      await downloadChartPng(bodyRef.current, header, `${slugOf(title)}.png`);
    } catch (e) {
      setExportError(e instanceof Error ? e.message : 'PNG export failed.');
    }
  };

  return (
    <section ref={sectionRef} className="chart-frame" aria-labelledby={headingId}>
      <header className="chart-frame__header">
        <div>
          <h3 id={headingId} className="chart-frame__title">
            {title}
          </h3>
          {units ? <p className="chart-frame__units">Units: {units}</p> : null}
        </div>
        <div className="chart-frame__actions">
          {controls}
          <button
            type="button"
            className="button button--small"
            disabled={!csv || csv.rows.length === 0}
            onClick={() => csv && downloadCsv(csv.fileName, csv.header, csv.rows)}
            aria-label={`Export ${title} as CSV`}
          >
            CSV
          </button>
          {kind === 'chart' ? (
            <button
              type="button"
              className="button button--small"
              onClick={exportPng}
              aria-label={`Export ${title} as PNG`}
            >
              PNG
            </button>
          ) : null}
        </div>
      </header>
      <div ref={bodyRef} className="chart-frame__body">
        {children}
      </div>
      {kind === 'chart' && csv && csv.rows.length > 0 ? <FiguresTable title={title} csv={csv} /> : null}
      {exportError ? (
        <p role="alert" className="chart-frame__error">
          {exportError}
        </p>
      ) : null}
      <details className="chart-frame__help">
        <summary>How this is computed</summary>
        <div className="chart-frame__definition">{definition}</div>
      </details>
    </section>
  );
}

/** Rows shown in a chart's text alternative; the CSV has them all. */
const MAX_TABLE_ROWS = 200;

/** The chart's text alternative: its figures (the CSV's) as a table, behind a disclosure. */
function FiguresTable({ title, csv }: { title: string; csv: CsvExport }) {
  const rows = csv.rows.slice(0, MAX_TABLE_ROWS);
  const columns = csv.header.map((h, j): FigureColumn<readonly Cell[]> => ({
    key: String(j),
    header: h,
    cell: (r) => String(r[j] ?? ''),
  }));
  return (
    <details className="chart-frame__table">
      <summary>Show the figures as a table</summary>
      <FigureTable caption={`Figures of ${title}`} columns={columns} rows={rows} rowKey={(_, i) => i} />
      {csv.rows.length > rows.length ? (
        <p className="muted">
          The first {rows.length} of {csv.rows.length} rows; the CSV has them all.
        </p>
      ) : null}
    </details>
  );
}

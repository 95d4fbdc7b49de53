import { useId, useRef, useState, type ReactNode } from 'react';
import { downloadCsv, type Cell } from '../lib/csv-export';
import { downloadSvgAsPng } from '../lib/png-export';

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
}

/** The frame every chart uses: title, units, "How this is computed", and CSV and PNG export. */
export function ChartFrame({ title, units, definition, csv, children, controls }: ChartFrameProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const headingId = useId();
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

  const exportPng = async () => {
    const svg = bodyRef.current?.querySelector('svg.recharts-surface, svg');
    if (!(svg instanceof SVGSVGElement)) {
      setExportError('This chart has no picture to export yet.');
      return;
    }
    try {
      setExportError(null);
      await downloadSvgAsPng(svg, `${slug}.png`);
    } catch (e) {
      setExportError(e instanceof Error ? e.message : 'PNG export failed.');
    }
  };

  return (
    <section className="chart-frame" aria-labelledby={headingId}>
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
          <button type="button" className="button button--small" onClick={exportPng} aria-label={`Export ${title} as PNG`}>
            PNG
          </button>
        </div>
      </header>
      <div ref={bodyRef} className="chart-frame__body">
        {children}
      </div>
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

import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { downloadCsv, type Cell } from '../lib/csv-export';
import { nextSort, sortRows as sortedRows, type SortState } from './sort-rows';

export interface TableColumn {
  readonly key: string;
  readonly label: string;
  /** Right-aligned, tabular figures. */
  readonly numeric?: boolean;
  /** Display text of a raw cell; the raw value is what the CSV export writes. */
  readonly format?: (value: Cell) => string;
  /** The header sorts the rows by this column (numbers highest first, text A–Z; a second click reverses; empty cells last). */
  readonly sortable?: boolean;
}

/** Rows ordered by one column; the original order breaks ties, empty cells go last either way. */
export function sortRows<R extends readonly Cell[]>(
  rows: readonly R[],
  column: number,
  descending: boolean,
): readonly R[] {
  return sortedRows(rows, { column, direction: descending ? 'descending' : 'ascending' });
}

export interface DataTableProps {
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly Cell[])[];
  /** File name of the CSV export; omit to hide the button. */
  readonly exportName?: string;
  /** Height of the scrolling area in pixels. */
  readonly height?: number;
  /** Column headers sort the rows (and the export) when pressed. */
  readonly sortable?: boolean;
}

const ROW_HEIGHT = 32;

/**
 * A virtualised table: only the rows in view are in the DOM, so a drill-down into 100,000 leads
 * stays fast. Text is rendered as text, never as HTML.
 */
export function DataTable({
  caption,
  columns,
  rows: given,
  exportName,
  height = 420,
  sortable = false,
}: DataTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [sort, setSort] = useState<SortState | null>(null);
  const rows = useMemo(() => sortedRows(given, sort), [given, sort]);
  // A column marked sortable puts its highest numbers first on the first press; a sortable table
  // starts every column ascending.
  const sortBy = (k: number) =>
    setSort((s) =>
      nextSort(s, k, columns[k]!.sortable === true && columns[k]!.numeric === true ? 'descending' : 'ascending'),
    );
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is read, not memoised
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 800, height },
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const show = (c: TableColumn, v: Cell) => (c.format ? c.format(v) : v === null || v === undefined ? '' : String(v));

  return (
    <div className="data-table">
      <div className="data-table__bar">
        <span className="muted">{rows.length.toLocaleString('en-US')} rows</span>
        {exportName ? (
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              downloadCsv(
                exportName,
                columns.map((c) => c.label),
                rows,
              )
            }
          >
            Export CSV
          </button>
        ) : null}
      </div>
      <div
        ref={scrollRef}
        className="table-scroll"
        style={{ maxHeight: height }}
        tabIndex={0}
        role="region"
        aria-label={caption}
      >
        <table className="table" aria-rowcount={rows.length + 1}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c, k) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={sortable || c.sortable ? (sort?.column === k ? sort.direction : 'none') : undefined}
                >
                  {sortable || c.sortable ? (
                    <button type="button" className="data-table__sort" onClick={() => sortBy(k)}>
                      {c.label}
                      <span aria-hidden="true">
                        {sort?.column === k ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                      </span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={columns.length} style={{ height: padTop, padding: 0, border: 0 }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <tr key={item.key} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                  {columns.map((c, k) => (
                    <td key={c.key} className={c.numeric ? 'num' : undefined}>
                      {show(c, row[k])}
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={columns.length} style={{ height: padBottom, padding: 0, border: 0 }} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}

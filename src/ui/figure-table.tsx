import type { Key, ReactNode } from 'react';

/** Attributes of one body cell that depend on its row: a class beside the column's, and `data-` marks. */
export type CellProps = { readonly className?: string } & { readonly [mark: `data-${string}`]: string };

/** One column of a `FigureTable`: its header and what each row shows in it. */
export interface FigureColumn<R> {
  readonly key: string;
  readonly header: ReactNode;
  /** Right-aligned, tabular figures: the `num` class on the header and the cells. */
  readonly numeric?: boolean;
  /** The column names its row: its cells are row headers (`<th scope="row">`). */
  readonly rowHeader?: boolean;
  /** The class of every body cell of the column (beside `num`). */
  readonly className?: string;
  readonly cell: (row: R) => ReactNode;
  readonly cellProps?: (row: R) => CellProps | undefined;
}

export interface FigureTableProps<R> {
  /** The table's name, read by screen readers (a visually hidden caption). */
  readonly caption: string;
  readonly columns: readonly FigureColumn<R>[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R, index: number) => Key;
  /** Wraps the table in a box that scrolls sideways when the table is wider than its card. */
  readonly scroll?: boolean;
}

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

/** A small table of figures from column definitions: one row per item, every header cell scoped. */
export function FigureTable<R>({ caption, columns, rows, rowKey, scroll = false }: FigureTableProps<R>) {
  const table = (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)}>
            {columns.map((c) => {
              const { className, ...marks }: CellProps = c.cellProps?.(row) ?? {};
              const props = { className: classes(c.numeric && 'num', c.className, className), ...marks };
              return c.rowHeader ? (
                <th key={c.key} scope="row" {...props}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.key} {...props}>
                  {c.cell(row)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return scroll ? <div className="table-scroll">{table}</div> : table;
}

// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FigureTable, type FigureColumn } from '../../src/ui/figure-table';

interface Row {
  readonly name: string;
  readonly leads: number;
  readonly rate: string;
  readonly small: boolean;
}
const ROWS: Row[] = [
  { name: 'web', leads: 120, rate: '40.0%', small: false },
  { name: 'event', leads: 3, rate: '66.7%', small: true },
];
const COLUMNS: FigureColumn<Row>[] = [
  { key: 'name', header: 'Source', rowHeader: true, cell: (r) => r.name },
  { key: 'leads', header: 'Leads', numeric: true, cell: (r) => r.leads },
  {
    key: 'rate',
    header: 'Rate',
    numeric: true,
    className: 'rate',
    cell: (r) => r.rate,
    cellProps: (r) => (r.small ? { className: 'small-sample', 'data-small-sample': '' } : undefined),
  },
];

describe('a figure table', () => {
  it('is named by its caption, with scoped column and row headers and one row per item', () => {
    render(<FigureTable caption="Leads by source" columns={COLUMNS} rows={ROWS} rowKey={(r) => r.name} />);
    const table = screen.getByRole('table', { name: 'Leads by source' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => [h.textContent, h.className]),
    ).toEqual([
      ['Source', ''],
      ['Leads', 'num'],
      ['Rate', 'num'],
    ]);
    const event = within(table).getByRole('rowheader', { name: 'event' }).closest('tr')!;
    expect(
      within(event)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', '66.7%']);
    expect(table.closest('.table-scroll')).toBeNull();
  });

  it('adds a row’s own class and marks to a cell, after the column’s', () => {
    render(<FigureTable caption="Leads by source" columns={COLUMNS} rows={ROWS} rowKey={(r) => r.name} scroll />);
    const rate = (name: string) =>
      within(screen.getByRole('rowheader', { name }).closest('tr')!).getAllByRole('cell')[1]!;
    expect(rate('event')).toHaveClass('num', 'rate', 'small-sample');
    expect(rate('event')).toHaveAttribute('data-small-sample', '');
    expect(rate('web').className).toBe('num rate');
    expect(rate('web')).not.toHaveAttribute('data-small-sample');
    expect(screen.getByRole('table').parentElement).toHaveClass('table-scroll');
  });
});

// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ChartFrame } from '../../src/ui/chart-frame';
import { DataTable } from '../../src/ui/data-table';

describe('the chart frame', () => {
  it('shows the title, units and the definition behind the figures', async () => {
    render(
      <ChartFrame title="Leads per stage" units="leads" definition="Each lead counted once per stage reached.">
        <p>chart</p>
      </ChartFrame>,
    );
    expect(screen.getByRole('heading', { name: 'Leads per stage' })).toBeInTheDocument();
    expect(screen.getByText('Units: leads')).toBeInTheDocument();
    await userEvent.click(screen.getByText('How this is computed'));
    expect(screen.getByText('Each lead counted once per stage reached.')).toBeVisible();
  });

  it('names the chart drawn inside it, also when the chart draws its SVG after the frame rendered', async () => {
    const { container } = render(
      <ChartFrame title="Leads per stage" units="leads" definition="-">
        <div className="recharts-wrapper" />
      </ChartFrame>,
    );
    // A chart library measures its box first and draws its SVG later.
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    container.querySelector('.recharts-wrapper')!.appendChild(svg);
    await vi.waitFor(() =>
      expect(svg.getAttribute('aria-label')).toMatch(/^Leads per stage \(leads\): chart; its figures are in the table/),
    );
  });

  it('disables CSV export when there are no figures, and says so when PNG has no picture', async () => {
    render(
      <ChartFrame title="Empty" definition="-" csv={{ fileName: 'x.csv', header: ['a'], rows: [] }}>
        <p>nothing</p>
      </ChartFrame>,
    );
    expect(screen.getByRole('button', { name: 'Export Empty as CSV' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Export Empty as PNG' }));
    expect(screen.getByRole('alert')).toHaveTextContent('no picture');
  });

  it('offers a table as CSV only, with no PNG button', () => {
    render(
      <ChartFrame
        kind="table"
        title="Coverage"
        definition="-"
        csv={{ fileName: 'c.csv', header: ['q'], rows: [['2026-Q4']] }}
      >
        <table>
          <tbody>
            <tr>
              <td>2026-Q4</td>
            </tr>
          </tbody>
        </table>
      </ChartFrame>,
    );
    expect(screen.getByRole('button', { name: 'Export Coverage as CSV' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Export Coverage as PNG' })).toBeNull();
  });

  it('exports its figures as CSV', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:x';
    });
    URL.revokeObjectURL = vi.fn();
    render(
      <ChartFrame
        title="Rates"
        definition="-"
        csv={{ fileName: 'rates.csv', header: ['source', 'rate'], rows: [['=cmd', 0.5]] }}
      >
        <p>chart</p>
      </ChartFrame>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export Rates as CSV' }));
    expect(await created[0]!.text()).toBe("source,rate\r\n'=cmd,0.5\r\n");
  });
});

describe('the data table', () => {
  it('renders only the rows in view and counts them all', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`lead-${i}`, i]);
    render(
      <DataTable
        caption="Leads"
        columns={[
          { key: 'id', label: 'Lead' },
          { key: 'n', label: 'N', numeric: true },
        ]}
        rows={rows}
      />,
    );
    expect(screen.getByText('10,000 rows')).toBeInTheDocument();
    const bodyRows = screen.getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex'));
    expect(bodyRows.length).toBeGreaterThan(0);
    expect(bodyRows.length).toBeLessThan(100);
    expect(screen.getByText('lead-0')).toBeInTheDocument();
  });

  it('renders markup in data as text', () => {
    render(
      <DataTable caption="Names" columns={[{ key: 'n', label: 'Name' }]} rows={[['<img src=x onerror=alert(1)>']]} />,
    );
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});

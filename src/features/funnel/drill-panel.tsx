import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { formatMoney } from '../../lib/format';
import type { Cell } from '../../lib/csv-export';
import type { Filters } from '../../engine/filters/filters';
import { DataTable, type TableColumn } from '../../ui/data-table';
import { ErrorState, Loading } from '../../ui/states';
import type { DrillColumn } from '../../worker/api';
import { funnelActions, type DrillSelection, type FunnelParams } from './funnel-params';
import { funnelDrillQuery } from './queries';

const HEADERS: Readonly<Record<DrillColumn, string>> = {
  id: 'Lead',
  createdAt: 'Created',
  source: 'Source',
  campaign: 'Campaign',
  owner: 'Owner',
  segment: 'Segment',
  furthestStage: 'Furthest stage',
  mqlAt: 'MQL',
  sqlAt: 'SQL',
  sqoAt: 'SQO',
  outcome: 'Outcome',
  amountCents: 'Pipeline',
};

/** The table's columns, in the order the engine sends the cells. */
const tableColumns = (keys: readonly DrillColumn[], currency: string): TableColumn[] =>
  keys.map((key) =>
    key === 'amountCents'
      ? {
          key,
          label: `${HEADERS[key]} (${currency})`,
          numeric: true,
          format: (v: Cell) => (typeof v === 'number' ? formatMoney(v, currency) : ''),
        }
      : { key, label: HEADERS[key] },
  );

/** The leads behind the clicked figure, in a virtualised table with CSV export. */
export function DrillPanel({
  version,
  filters,
  params,
  drill,
  currency,
}: {
  version: number;
  filters: Filters;
  params: FunnelParams;
  drill: DrillSelection;
  currency: string;
}) {
  const { data, error, isPending } = useQuery(funnelDrillQuery(version, filters, params.mode, drill));
  const ref = useRef<HTMLElement>(null);
  // Bring the table into view when a figure far down the page was clicked.
  // A block body: Chromium's scrollIntoView may return a promise, which React would take for a cleanup.
  useEffect(() => {
    void ref.current?.scrollIntoView?.({ block: 'start' });
  }, [drill.title]);
  const slug = drill.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return (
    <section ref={ref} className="card drill-panel" aria-labelledby="drill-title">
      <div className="drill-panel__header">
        <h2 id="drill-title">Leads behind: {drill.title}</h2>
        <button type="button" className="button button--small" onClick={() => funnelActions.drillClosed()}>
          Close
        </button>
      </div>
      {isPending ? <Loading label="Finding the leads…" /> : null}
      {error ? <ErrorState title="The leads could not be listed" error={error} /> : null}
      {data ? (
        <DataTable
          caption={`Lead list: ${drill.title}`}
          columns={tableColumns(data.columns, currency)}
          rows={data.rows}
          exportName={`leads-${slug}.csv`}
          height={360}
        />
      ) : null}
    </section>
  );
}

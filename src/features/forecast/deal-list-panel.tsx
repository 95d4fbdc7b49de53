import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Filters } from '../../engine/filters/filters';
import type { Cell } from '../../lib/csv-export';
import { fillMoney, formatCount, formatDate, formatMoney, formatPercent } from '../../lib/format';
import { CATEGORY_LABELS, fillMethods } from '../../lib/forecast-labels';
import { DataTable, type TableColumn } from '../../ui/data-table';
import { ErrorState, Loading } from '../../ui/states';
import type { DealFigure, DealTarget, ForecastSettings } from '../../worker/api';
import { buildDealListCells, DEAL_LIST_HEADER, hasFigureColumn, matchesDealFilter } from './build-deal-forecast-model';
import { dealActions, type CategoryId } from './deal-settings';
import { dealListTitle, FIGURE_LABEL } from './deal-list-words';
import { dealListQuery } from './queries';

const money = (currency: string) => (v: Cell) =>
  typeof v === 'number' ? formatMoney(Math.round(v * 100), currency) : 'unknown';
const count = (v: Cell) => (typeof v === 'number' ? formatCount(v) : '—');

function columns(currency: string, kind: DealFigure): TableColumn[] {
  const [deal, owner, status, stage, category, amount, close, p, weighted, age, inStage, pushed, overdue] =
    DEAL_LIST_HEADER;
  const figure: TableColumn[] = hasFigureColumn({ figure: kind })
    ? [{ key: 'figure', label: `${FIGURE_LABEL[kind]} (${currency})`, numeric: true, format: money(currency) }]
    : [];
  return [
    { key: 'id', label: deal },
    ...figure,
    { key: 'owner', label: owner, format: (v) => (v === null ? '—' : String(v)) },
    { key: 'status', label: status },
    { key: 'stage', label: stage },
    { key: 'category', label: category, format: (v) => CATEGORY_LABELS[v as CategoryId] ?? String(v ?? '') },
    { key: 'amount', label: `${amount} (${currency})`, numeric: true, format: money(currency) },
    { key: 'close', label: close, format: (v) => (typeof v === 'string' ? formatDate(v) : 'none') },
    { key: 'p', label: p, numeric: true, format: (v) => (typeof v === 'number' ? formatPercent(v, 0) : '') },
    { key: 'weighted', label: `${weighted} (${currency})`, numeric: true, format: money(currency) },
    { key: 'age', label: age, numeric: true, format: count },
    { key: 'inStage', label: inStage, numeric: true, format: count },
    { key: 'pushed', label: pushed, numeric: true, format: count },
    { key: 'overdue', label: overdue },
  ];
}

export interface DealListPanelProps {
  readonly version: number;
  readonly filters: Filters;
  readonly settings: ForecastSettings;
  readonly stageCategories: Readonly<Record<string, CategoryId>>;
  readonly target: DealTarget;
}

/** The deals behind the figure clicked: virtualised, sortable, filterable, exported as CSV. */
export function DealListPanel({ version, filters, settings, stageCategories, target }: DealListPanelProps) {
  const { data, error, isPending } = useQuery(dealListQuery(version, { filters, settings, stageCategories, target }));
  const [filter, setFilter] = useState('');
  const ref = useRef<HTMLElement>(null);
  const key = JSON.stringify(target);
  // Bring the list into view when a figure far up the page was clicked (a block body: see drill-panel).
  useEffect(() => {
    void ref.current?.scrollIntoView?.({ block: 'start' });
  }, [key]);
  const cells = useMemo(() => (data ? buildDealListCells(data) : []), [data]);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const figure = data ? hasFigureColumn(data) : false;
    return needle === '' ? cells : cells.filter((r) => matchesDealFilter(r, needle, figure));
  }, [cells, filter, data]);
  const title = data ? dealListTitle(data) : null;
  const slug = (title ?? 'deals')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return (
    <section ref={ref} className="card drill-panel fc-deals" aria-labelledby="deal-list-title">
      <div className="drill-panel__header">
        <h2 id="deal-list-title">Deals behind: {title ?? '…'}</h2>
        <button type="button" className="button button--small" onClick={() => dealActions.listClosed()}>
          Close
        </button>
      </div>
      {isPending ? <Loading label="Finding the deals…" /> : null}
      {error ? <ErrorState title="The deals could not be listed" error={error} /> : null}
      {data ? (
        <>
          <p className="fc-deals__total" data-testid="deal-list-total">
            {formatCount(data.rows.length)} {data.rows.length === 1 ? 'deal' : 'deals'};{' '}
            {FIGURE_LABEL[data.figure].toLowerCase()} in all: {formatMoney(data.totalCents, data.currency)}
          </p>
          {data.note ? (
            <p className="muted fc-deals__note" data-testid="deal-list-note">
              {fillMethods(fillMoney(data.note, data.currency))}
            </p>
          ) : null}
          <label className="fc-inline">
            Filter by deal, owner, status, stage or category{' '}
            <input
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              className="fc-prob fc-filter"
            />
          </label>
          <DataTable
            caption={`Deal list: ${title}`}
            columns={columns(data.currency, data.figure)}
            rows={shown}
            exportName={`deals-${slug}.csv`}
            height={360}
            sortable
          />
        </>
      ) : null}
    </section>
  );
}

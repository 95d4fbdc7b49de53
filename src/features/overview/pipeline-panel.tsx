import { useQuery } from '@tanstack/react-query';
import { ComboChart } from '../../charts/combo-chart';
import { CHART_COLORS } from '../../charts/theme';
import { datasetSummaryQuery } from '../../lib/dataset-queries';
import { formatDecimal, formatMoney, formatPercent } from '../../lib/format';
import { coverageStatus, gapText } from '../../lib/wording';
import { toEngineFilters, useFilters } from '../../state/filters';
import { goToView, updateSearch } from '../../state/url';
import { ChartFrame } from '../../ui/chart-frame';
import { ErrorState, Loading } from '../../ui/states';
import { Stat } from '../../ui/stat';
import type { DealTarget, PipelinePanelView } from '../../worker/api';
import './pipeline-panel.css';
import { pipelinePanelQuery } from './pipeline-panel-query';

interface Row {
  readonly quarter: string;
  readonly won: number;
  readonly weightedDue: number;
  readonly quota: number;
}

/** Quarters in currency units for the chart (cents ÷ 100). */
export function buildPanelRows(v: PipelinePanelView): Row[] {
  return v.quarters.map((q) => ({
    quarter: q.quarter,
    won: q.wonCents / 100,
    weightedDue: q.weightedDueCents / 100,
    quota: q.quotaCents / 100,
  }));
}

/** Opens the Forecast view's list of the deals behind a figure. */
function openDeals(target: DealTarget): void {
  goToView('forecast');
  updateSearch((p) => p.set('deals', JSON.stringify(target)), 'replace');
}

function DealsLink({ target, label }: { target: DealTarget; label: string }) {
  return (
    <button type="button" className="button button--link" onClick={() => openDeals(target)} aria-label={label}>
      Show the deals
    </button>
  );
}

const targetOf = (key: 'won' | 'weightedDue', quarter: string): DealTarget =>
  key === 'won' ? { kind: 'won', quarter } : { kind: 'due', quarter, weighted: true };

/** A bar that opens the deals behind it, by mouse or keyboard. */
function drill(key: 'won' | 'weightedDue', name: string, currency: string) {
  return {
    describe: (r: Row) => `${r.quarter}, ${name}: ${formatMoney(Math.round(r[key] * 100), currency)}`,
    action: 'list its deals',
    onSelect: (r: Row) => openDeals(targetOf(key, r.quarter)),
  };
}

/** Pipeline, weighted pipeline, coverage and projected bookings against quota, for the Overview. */
export function PipelinePanel() {
  const summary = useQuery(datasetSummaryQuery());
  const filters = toEngineFilters(useFilters());
  const q = useQuery({ ...pipelinePanelQuery(summary.data?.version ?? 0, filters), enabled: !!summary.data });
  if (q.error) return <ErrorState title="The pipeline could not be computed" error={q.error} />;
  const v = q.data;
  if (!v) return <Loading label="Computing the pipeline…" />;
  const cur = v.currency;
  const now = v.quarters[0];
  const noQuota = v.quota.kind === 'companyWide' ? 'quota is company-wide' : 'no quota';
  const coverage = now ? (now.coverage === 'quota met' ? 'quota met' : `${formatDecimal(now.coverage)}×`) : noQuota;
  const status = now ? coverageStatus(now) : null;
  const money = (value: unknown) =>
    typeof value === 'number' ? formatMoney(Math.round(value * 100), cur) : String(value ?? '');
  return (
    <section className="card" aria-labelledby="pipeline-panel-heading">
      <h2 id="pipeline-panel-heading">Pipeline and bookings against quota</h2>
      <div className="stat-row pipeline-panel__stats">
        <Stat label="Open pipeline" value={formatMoney(v.openCents, cur, true)} help={formatMoney(v.openCents, cur)} />
        <Stat
          label="Weighted pipeline"
          value={formatMoney(v.weightedCents, cur, true)}
          note="Σ amount × p(stage)"
          help={formatMoney(v.weightedCents, cur)}
        />
        <div className={status ? `coverage-status coverage-status--${status.replace(' ', '-')}` : undefined}>
          <Stat
            label={now ? `Coverage ${now.quarter}` : 'Coverage'}
            value={status && status !== 'met' ? `${coverage} · ${status}` : coverage}
            note={
              v.impliedCoverage === null
                ? undefined
                : `target ${formatDecimal(v.impliedCoverage)}× = 1 ÷ ${formatPercent(v.winRate)} won ÷ closed, last 4 quarters`
            }
          />
        </div>
        <Stat
          label={now ? `Projected ${now.quarter}` : 'Projected bookings'}
          value={now ? formatMoney(now.projectedCents, cur, true) : noQuota}
          note={
            now
              ? `quota ${formatMoney(now.quotaCents, cur, true)}, ${gapText(now.gapCents, cur)}; won so far ${formatMoney(now.wonCents, cur, true)}`
              : undefined
          }
        />
      </div>
      <p className="pipeline-panel__deals">
        Open pipeline: <DealsLink target={{ kind: 'open' }} label="Show the deals of the open pipeline" />
        {' · '}Weighted pipeline:{' '}
        <DealsLink target={{ kind: 'open', weighted: true }} label="Show the deals behind the weighted pipeline" />
        {now ? (
          <>
            {' · '}Weighted open due {now.quarter}:{' '}
            <DealsLink
              target={{ kind: 'due', quarter: now.quarter, weighted: true }}
              label={`Show the open deals due in ${now.quarter}, weighted`}
            />
            {' · '}Coverage {now.quarter}:{' '}
            <DealsLink
              target={{ kind: 'due', quarter: now.quarter, weighted: false }}
              label={`Show the open deals due in ${now.quarter}, the coverage's pipeline`}
            />
            {' · '}Projected {now.quarter}:{' '}
            <DealsLink
              target={{ kind: 'projected', quarter: now.quarter }}
              label={`Show the deals behind the projected bookings of ${now.quarter}`}
            />
            {' · '}Won so far:{' '}
            <DealsLink target={{ kind: 'won', quarter: now.quarter }} label={`Show the deals won in ${now.quarter}`} />
          </>
        ) : null}
      </p>
      {v.quarters.length ? (
        <ChartFrame
          title="Projected bookings against quota, this quarter and the next two"
          units={cur}
          definition={
            <p>
              Won = deals won with a close date in the quarter. Weighted open = open deals due in the quarter ×
              p(stage), the historical win rate from their stage over the last 4 quarters. Projected = won + weighted
              open. Coverage = open pipeline due ÷ (quota − won). Status: met once won reaches quota, on track when the
              projection reaches quota, else at risk; the gap is quota − projected, said as “ahead by” or “short by”.
              Click a bar to list its deals in the Forecast view, which has the detail.
            </p>
          }
          csv={{
            fileName: 'projected-vs-quota.csv',
            header: ['quarter', 'won', 'weighted_open_due', 'quota'],
            rows: buildPanelRows(v).map((r) => [r.quarter, r.won, r.weightedDue, r.quota]),
          }}
        >
          <ComboChart
            rows={buildPanelRows(v)}
            xKey="quarter"
            xLabel="Quarter"
            left={{ label: cur, tickFormat: (u) => formatMoney(u * 100, cur, true), width: 80 }}
            bars={[
              { key: 'won', name: 'Won', stackId: 'p', color: CHART_COLORS.won, drill: drill('won', 'Won', cur) },
              {
                key: 'weightedDue',
                name: 'Weighted open pipeline due',
                stackId: 'p',
                color: CHART_COLORS.weighted,
                drill: drill('weightedDue', 'Weighted open pipeline due', cur),
              },
            ]}
            lines={[{ key: 'quota', name: 'Quota', color: CHART_COLORS.risk }]}
            tooltipValue={money}
            height={240}
          />
        </ChartFrame>
      ) : v.quota.kind === 'companyWide' ? (
        <p className="muted" data-testid="quota-company-wide">
          Coverage, attainment and gap: {v.quota.note}.
        </p>
      ) : (
        <p className="muted">No quota for this quarter or later: add a plan to see projected bookings against quota.</p>
      )}
      {v.quota.kind === 'slice' && v.quarters.length ? <p className="muted">Quota: {v.quota.note}.</p> : null}
    </section>
  );
}

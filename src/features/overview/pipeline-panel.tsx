import { useQuery } from '@tanstack/react-query';
import { ComboChart } from '../../charts/combo-chart';
import { CHART_COLORS } from '../../charts/theme';
import { datasetSummaryQuery, headlineProjectionQuery } from '../../lib/dataset-queries';
import { formatDecimal, formatMoney, formatPercent } from '../../lib/format';
import { projectionBasisText } from '../../lib/forecast-labels';
import { coverageStatus, gapText } from '../../lib/wording';
import { toEngineFilters, useFilters } from '../../state/filters';
import { useMethodChoice, useStageCategoryEdits } from '../../state/forecast-choices';
import { goToView, updateSearch } from '../../state/url';
import { ChartFrame } from '../../ui/chart-frame';
import { ErrorState, Loading } from '../../ui/states';
import { Stat } from '../../ui/stat';
import type { DealTarget, HeadlineProjectionView, PipelinePanelView } from '../../worker/api';
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

/** The projected bookings of the current quarter: by the headline method, said with why, against quota. */
function projectedStat(p: HeadlineProjectionView | undefined, noQuota: string) {
  if (!p) return { label: 'Projected bookings', value: '…', note: 'ranking the forecast methods…' };
  const cur = p.currency;
  const quota =
    p.quotaCents === null
      ? noQuota
      : `quota ${formatMoney(p.quotaCents, cur, true)}${p.gapCents === null ? '' : `, ${gapText(p.gapCents, cur)}`}`;
  return {
    label: `Projected ${p.quarter}`,
    value: p.cents === null ? 'not measurable' : formatMoney(p.cents, cur, true),
    note: `${projectionBasisText(p)}${p.cents === null ? `; ${p.reason ?? 'not measurable'}` : ''}; ${quota}; won so far ${formatMoney(p.wonCents, cur, true)}`,
    help: p.cents === null ? undefined : formatMoney(p.cents, cur),
  };
}

/** Pipeline, weighted pipeline, coverage and projected bookings against quota, for the Overview. */
export function PipelinePanel() {
  const summary = useQuery(datasetSummaryQuery());
  const filters = toEngineFilters(useFilters());
  const version = summary.data?.version ?? 0;
  const q = useQuery({ ...pipelinePanelQuery(version, filters), enabled: !!summary.data });
  const method = useMethodChoice();
  const stageCategories = useStageCategoryEdits();
  const projection = useQuery({
    ...headlineProjectionQuery(version, { filters, stageCategories, method }),
    enabled: !!summary.data,
  });
  if (q.error) return <ErrorState title="The pipeline could not be computed" error={q.error} />;
  const v = q.data;
  if (!v) return <Loading label="Computing the pipeline…" />;
  const cur = v.currency;
  const now = v.quarters[0];
  const p = projection.data;
  const noQuota = v.quota.kind === 'companyWide' ? 'quota is company-wide' : 'no quota';
  const coverage = now ? (now.coverage === 'quota met' ? 'quota met' : `${formatDecimal(now.coverage)}×`) : noQuota;
  // The quarter's status follows the headline projection, so the two never disagree.
  const projected = p && now && p.quarter === now.quarter && p.cents !== null ? { projectedCents: p.cents } : {};
  const status = now ? coverageStatus({ ...now, ...projected }) : null;
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
        <Stat {...projectedStat(p, noQuota)} />
      </div>
      <p className="pipeline-panel__deals">
        Open pipeline: <DealsLink target={{ kind: 'open' }} label="Show the deals of the open pipeline" />
        {' · '}Weighted pipeline:{' '}
        <DealsLink target={{ kind: 'open', weighted: true }} label="Show the deals behind the weighted pipeline" />
        {p && p.cents !== null ? (
          <>
            {' · '}Projected {p.quarter}:{' '}
            <DealsLink target={p.target} label={`Show the deals behind the projected bookings of ${p.quarter}`} />
          </>
        ) : null}
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
              p(stage), the historical win rate from their stage over the last 4 quarters; the bars stack won + weighted
              open. The headline “Projected” of the current quarter uses the forecast method named beside it: by default
              the one most accurate on this company&apos;s own history (the Forecast view&apos;s “Forecast accuracy”,
              where another can be chosen), else the weighted pipeline, won + weighted open. Coverage = open pipeline
              due ÷ (quota − won). Status: met once won reaches quota, on track when the projection reaches quota, else
              at risk; the gap is quota − projected, said as “ahead by” or “short by”. Click a bar to list its deals in
              the Forecast view, which has the detail.
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

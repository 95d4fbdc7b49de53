import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { formatCount, formatMoney, formatPercent } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import { ErrorState } from '../../ui/states';
import { Stat } from '../../ui/stat';
import { scenarioQuery } from './queries';
import {
  plannerActions,
  STEP_KEYS,
  toScenarioInput,
  usePlannerForm,
  type PlannerForm,
  type StepForm,
  type StepKey,
} from './scenario-state';

const STEP_LABELS: Record<StepKey, { count: string; rate: string }> = {
  sal: { count: 'SALs', rate: 'MQL → SAL rate' },
  sql: { count: 'SQLs', rate: 'SAL → SQL rate' },
  sqo: { count: 'SQOs', rate: 'SQL → SQO rate' },
};

export function ScenarioPlanner({ currency }: { currency: string }) {
  const form = usePlannerForm();
  const setForm = (next: PlannerForm) => plannerActions.formChanged(next);
  const { data, error } = useQuery(scenarioQuery(toScenarioInput(form)));
  const id = useId();
  const setStep = (k: StepKey, patch: Partial<StepForm>) =>
    setForm({ ...form, steps: { ...form.steps, [k]: { ...form.steps[k], ...patch } } });
  return (
    <ChartFrame
      kind="table"
      title="Scenario planner: from MQLs to bookings"
      units={`leads; money in ${currency}`}
      controls={
        <button type="button" className="button button--small" onClick={() => plannerActions.workedExampleLoaded()}>
          Load the worked example
        </button>
      }
      definition={
        <p>
          Each step is a count or a rate. A stage count from a rate is the previous count × the rate, rounded to a whole
          lead; a count never exceeds the stage before it. Pipeline = SQOs × ACV; expected bookings = pipeline × win
          rate, exact to the cent. Gap = quota − expected bookings; MQLs needed = quota ÷ (expected bookings per MQL),
          rounded up. The worked example: 4,800 MQLs → 1,440 SALs → 420 SQLs → 168 SQOs; 168 × $48,000 = $8,064,000; at
          22%, $1,774,080.
        </p>
      }
      csv={
        data
          ? {
              fileName: 'scenario.csv',
              header: ['mqls', 'sals', 'sqls', 'sqos', 'pipeline', 'expected_bookings', 'quota', 'gap', 'mqls_needed'],
              rows: [
                [
                  data.stages.mql,
                  data.stages.sal,
                  data.stages.sql,
                  data.stages.sqo,
                  data.pipelineCents / 100,
                  data.expectedBookingsCents / 100,
                  data.quotaCents === null ? null : data.quotaCents / 100,
                  data.gapCents === null ? null : data.gapCents / 100,
                  data.mqlsNeeded,
                ],
              ],
            }
          : undefined
      }
    >
      <div className="fc-planner">
        <form className="fc-planner__inputs" aria-label="Scenario inputs" onSubmit={(e) => e.preventDefault()}>
          <label>
            MQLs
            <input
              type="number"
              min={0}
              value={form.mqls}
              onChange={(e) => setForm({ ...form, mqls: e.target.value })}
            />
          </label>
          {STEP_KEYS.map((k) => {
            const s = form.steps[k];
            return (
              <div key={k} className="fc-planner__step">
                <label>
                  {s.mode === 'count' ? STEP_LABELS[k].count : `${STEP_LABELS[k].rate} (%)`}
                  <input
                    type="number"
                    min={0}
                    value={s.value}
                    onChange={(e) => setStep(k, { value: e.target.value })}
                  />
                </label>
                <select
                  aria-label={`${STEP_LABELS[k].count}: enter as`}
                  value={s.mode}
                  onChange={(e) => setStep(k, { mode: e.target.value as StepForm['mode'], value: '' })}
                >
                  <option value="count">count</option>
                  <option value="rate">rate</option>
                </select>
              </div>
            );
          })}
          <label>
            ACV ({currency})
            <input type="number" min={0} value={form.acv} onChange={(e) => setForm({ ...form, acv: e.target.value })} />
          </label>
          <label>
            Win rate (%)
            <input
              type="number"
              min={0}
              max={100}
              value={form.winRate}
              onChange={(e) => setForm({ ...form, winRate: e.target.value })}
            />
          </label>
          <label>
            Quota ({currency}, optional)
            <input
              type="number"
              min={0}
              value={form.quota}
              onChange={(e) => setForm({ ...form, quota: e.target.value })}
            />
          </label>
        </form>
        {error ? <ErrorState title="The planner could not compute" error={error} /> : null}
        {data ? (
          <div className="fc-planner__out" aria-labelledby={`${id}-out`} role="region">
            <h4 id={`${id}-out`} className="visually-hidden">
              Scenario results
            </h4>
            <ol className="fc-stages" aria-label="Stage counts">
              <li>{formatCount(data.stages.mql)} MQLs</li>
              <li>
                {formatCount(data.stages.sal)} SALs{' '}
                <span className="muted">({formatPercent(data.rates.mqlToSal)})</span>
              </li>
              <li>
                {formatCount(data.stages.sql)} SQLs{' '}
                <span className="muted">({formatPercent(data.rates.salToSql)})</span>
              </li>
              <li>
                {formatCount(data.stages.sqo)} SQOs{' '}
                <span className="muted">({formatPercent(data.rates.sqlToSqo)})</span>
              </li>
            </ol>
            <div className="stat-row">
              <Stat
                label="Pipeline"
                value={formatMoney(data.pipelineCents, currency)}
                note={formatMoney(data.pipelineCents, currency, true)}
              />
              <Stat
                label="Expected bookings"
                value={formatMoney(data.expectedBookingsCents, currency)}
                note={formatMoney(data.expectedBookingsCents, currency, true)}
              />
              <Stat
                label="Gap to quota"
                value={data.gapCents === null ? 'no quota' : formatMoney(data.gapCents, currency)}
                note={data.gapCents !== null && data.gapCents <= 0 ? 'quota covered' : undefined}
              />
              <Stat
                label="MQLs needed"
                value={
                  data.mqlsNeeded === null
                    ? data.quotaCents === null
                      ? 'no quota'
                      : 'not reachable'
                    : formatCount(data.mqlsNeeded)
                }
                note={
                  data.additionalMqls === null ? undefined : `${formatCount(data.additionalMqls)} more than planned`
                }
              />
            </div>
          </div>
        ) : null}
      </div>
    </ChartFrame>
  );
}

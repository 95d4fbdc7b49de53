import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { WORKED_EXAMPLE, type ScenarioInput, type ScenarioStep } from '../../engine/forecast/scenario';
import { formatCount, formatMoney, formatPercent } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import { ErrorState } from '../../ui/states';
import { Stat } from '../../ui/stat';
import { scenarioQuery } from './queries';

type StepKey = 'sal' | 'sql' | 'sqo';
interface StepForm {
  readonly mode: 'count' | 'rate';
  /** A count, or a rate in percent. */
  readonly value: string;
}
interface PlannerForm {
  readonly mqls: string;
  readonly steps: Readonly<Record<StepKey, StepForm>>;
  /** Whole currency units. */
  readonly acv: string;
  /** Percent. */
  readonly winRate: string;
  /** Whole currency units; empty for none. */
  readonly quota: string;
}

const STEP_LABELS: Record<StepKey, { count: string; rate: string }> = {
  sal: { count: 'SALs', rate: 'MQL → SAL rate' },
  sql: { count: 'SQLs', rate: 'SAL → SQL rate' },
  sqo: { count: 'SQOs', rate: 'SQL → SQO rate' },
};

const stepForm = (s: ScenarioStep): StepForm => (s.kind === 'count' ? { mode: 'count', value: String(s.count) } : { mode: 'rate', value: String(s.rate * 100) });

export const WORKED_EXAMPLE_FORM: PlannerForm = {
  mqls: String(WORKED_EXAMPLE.mqls),
  steps: { sal: stepForm(WORKED_EXAMPLE.sal), sql: stepForm(WORKED_EXAMPLE.sql), sqo: stepForm(WORKED_EXAMPLE.sqo) },
  acv: String(WORKED_EXAMPLE.acvCents / 100),
  winRate: String(WORKED_EXAMPLE.winRate * 100),
  quota: '',
};

const START_FORM: PlannerForm = {
  mqls: '1000',
  steps: { sal: { mode: 'rate', value: '30' }, sql: { mode: 'rate', value: '30' }, sqo: { mode: 'rate', value: '40' } },
  acv: '40000',
  winRate: '20',
  quota: '',
};

const num = (s: string): number => (s.trim() === '' || !Number.isFinite(Number(s)) ? 0 : Number(s));

/** The form as engine input; rates are entered in percent. */
export function toScenarioInput(f: PlannerForm): ScenarioInput {
  const step = (s: StepForm): ScenarioStep => (s.mode === 'count' ? { kind: 'count', count: num(s.value) } : { kind: 'rate', rate: num(s.value) / 100 });
  return {
    mqls: num(f.mqls),
    sal: step(f.steps.sal),
    sql: step(f.steps.sql),
    sqo: step(f.steps.sqo),
    acvCents: Math.round(num(f.acv) * 100),
    winRate: num(f.winRate) / 100,
    quotaCents: f.quota.trim() === '' ? null : Math.round(num(f.quota) * 100),
  };
}

export function ScenarioPlanner({ currency }: { currency: string }) {
  const [form, setForm] = useState<PlannerForm>(START_FORM);
  const { data, error } = useQuery(scenarioQuery(toScenarioInput(form)));
  const id = useId();
  const setStep = (k: StepKey, patch: Partial<StepForm>) => setForm((f) => ({ ...f, steps: { ...f.steps, [k]: { ...f.steps[k], ...patch } } }));
  return (
    <ChartFrame
      title="Scenario planner: from MQLs to bookings"
      units={`leads; money in ${currency}`}
      controls={
        <button type="button" className="button button--small" onClick={() => setForm(WORKED_EXAMPLE_FORM)}>
          Load the worked example
        </button>
      }
      definition={
        <p>
          Each step is a count or a rate. A stage count from a rate is the previous count × the rate, rounded to a whole lead; a
          count never exceeds the stage before it. Pipeline = SQOs × ACV; expected bookings = pipeline × win rate, exact to the cent.
          Gap = quota − expected bookings; MQLs needed = quota ÷ (expected bookings per MQL), rounded up. The worked example: 4,800
          MQLs → 1,440 SALs → 420 SQLs → 168 SQOs; 168 × $48,000 = $8,064,000; at 22%, $1,774,080.
        </p>
      }
      csv={
        data
          ? {
              fileName: 'scenario.csv',
              header: ['mqls', 'sals', 'sqls', 'sqos', 'pipeline', 'expected_bookings', 'quota', 'gap', 'mqls_needed'],
              rows: [[data.stages.mql, data.stages.sal, data.stages.sql, data.stages.sqo, data.pipelineCents / 100, data.expectedBookingsCents / 100, data.quotaCents === null ? null : data.quotaCents / 100, data.gapCents === null ? null : data.gapCents / 100, data.mqlsNeeded]],
            }
          : undefined
      }
    >
      <div className="fc-planner">
        <form className="fc-planner__inputs" aria-label="Scenario inputs" onSubmit={(e) => e.preventDefault()}>
          <label>
            MQLs
            <input type="number" min={0} value={form.mqls} onChange={(e) => setForm({ ...form, mqls: e.target.value })} />
          </label>
          {(Object.keys(STEP_LABELS) as StepKey[]).map((k) => {
            const s = form.steps[k];
            return (
              <div key={k} className="fc-planner__step">
                <label>
                  {s.mode === 'count' ? STEP_LABELS[k].count : `${STEP_LABELS[k].rate} (%)`}
                  <input type="number" min={0} value={s.value} onChange={(e) => setStep(k, { value: e.target.value })} />
                </label>
                <select aria-label={`${STEP_LABELS[k].count}: enter as`} value={s.mode} onChange={(e) => setStep(k, { mode: e.target.value as StepForm['mode'], value: '' })}>
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
            <input type="number" min={0} max={100} value={form.winRate} onChange={(e) => setForm({ ...form, winRate: e.target.value })} />
          </label>
          <label>
            Quota ({currency}, optional)
            <input type="number" min={0} value={form.quota} onChange={(e) => setForm({ ...form, quota: e.target.value })} />
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
                {formatCount(data.stages.sal)} SALs <span className="muted">({formatPercent(data.rates.mqlToSal)})</span>
              </li>
              <li>
                {formatCount(data.stages.sql)} SQLs <span className="muted">({formatPercent(data.rates.salToSql)})</span>
              </li>
              <li>
                {formatCount(data.stages.sqo)} SQOs <span className="muted">({formatPercent(data.rates.sqlToSqo)})</span>
              </li>
            </ol>
            <div className="stat-row">
              <Stat label="Pipeline" value={formatMoney(data.pipelineCents, currency)} note={formatMoney(data.pipelineCents, currency, true)} />
              <Stat label="Expected bookings" value={formatMoney(data.expectedBookingsCents, currency)} note={formatMoney(data.expectedBookingsCents, currency, true)} />
              <Stat label="Gap to quota" value={data.gapCents === null ? 'no quota' : formatMoney(data.gapCents, currency)} note={data.gapCents !== null && data.gapCents <= 0 ? 'quota covered' : undefined} />
              <Stat
                label="MQLs needed"
                value={data.mqlsNeeded === null ? (data.quotaCents === null ? 'no quota' : 'not reachable') : formatCount(data.mqlsNeeded)}
                note={data.additionalMqls === null ? undefined : `${formatCount(data.additionalMqls)} more than planned`}
              />
            </div>
          </div>
        ) : null}
      </div>
    </ChartFrame>
  );
}

/**
 * The scenario planner's inputs live in the URL, as typed, so a shared link reproduces the scenario:
 * `sc.mqls`, `sc.sal` / `sc.sql` / `sc.sqo` (`count:1440` or `rate:30`, rates in percent),
 * `sc.acv`, `sc.win` (percent) and `sc.quota` (currency units). Absent keys take the starting values.
 */
import { WORKED_EXAMPLE, type ScenarioInput, type ScenarioStep } from '../../engine/forecast/scenario';
import { updateSearch, useSearch } from '../../state/url';

export type StepKey = 'sal' | 'sql' | 'sqo';
export interface StepForm {
  readonly mode: 'count' | 'rate';
  /** A count, or a rate in percent, as typed. */
  readonly value: string;
}
export interface PlannerForm {
  readonly mqls: string;
  readonly steps: Readonly<Record<StepKey, StepForm>>;
  /** Whole currency units. */
  readonly acv: string;
  /** Percent. */
  readonly winRate: string;
  /** Currency units; empty for none. */
  readonly quota: string;
}

export const STEP_KEYS: readonly StepKey[] = ['sal', 'sql', 'sqo'];

const stepForm = (s: ScenarioStep): StepForm =>
  s.kind === 'count' ? { mode: 'count', value: String(s.count) } : { mode: 'rate', value: String(s.rate * 100) };

export const WORKED_EXAMPLE_FORM: PlannerForm = {
  mqls: String(WORKED_EXAMPLE.mqls),
  steps: { sal: stepForm(WORKED_EXAMPLE.sal), sql: stepForm(WORKED_EXAMPLE.sql), sqo: stepForm(WORKED_EXAMPLE.sqo) },
  acv: String(WORKED_EXAMPLE.acvCents / 100),
  winRate: String(WORKED_EXAMPLE.winRate * 100),
  quota: '',
};

export const START_FORM: PlannerForm = {
  mqls: '1000',
  steps: { sal: { mode: 'rate', value: '30' }, sql: { mode: 'rate', value: '30' }, sqo: { mode: 'rate', value: '40' } },
  acv: '40000',
  winRate: '20',
  quota: '',
};

function parseStep(raw: string | null, fallback: StepForm): StepForm {
  const m = raw === null ? null : /^(count|rate):(.*)$/.exec(raw);
  return m ? { mode: m[1] as StepForm['mode'], value: m[2]! } : fallback;
}

export function parsePlannerForm(p: URLSearchParams): PlannerForm {
  const s = START_FORM;
  return {
    mqls: p.get('sc.mqls') ?? s.mqls,
    steps: {
      sal: parseStep(p.get('sc.sal'), s.steps.sal),
      sql: parseStep(p.get('sc.sql'), s.steps.sql),
      sqo: parseStep(p.get('sc.sqo'), s.steps.sqo),
    },
    acv: p.get('sc.acv') ?? s.acv,
    winRate: p.get('sc.win') ?? s.winRate,
    quota: p.get('sc.quota') ?? s.quota,
  };
}

function writePlannerForm(p: URLSearchParams, f: PlannerForm): void {
  p.set('sc.mqls', f.mqls);
  for (const k of STEP_KEYS) p.set(`sc.${k}`, `${f.steps[k].mode}:${f.steps[k].value}`);
  p.set('sc.acv', f.acv);
  p.set('sc.win', f.winRate);
  if (f.quota === '') p.delete('sc.quota');
  else p.set('sc.quota', f.quota);
}

export function usePlannerForm(): PlannerForm {
  return parsePlannerForm(useSearch());
}

export const plannerActions = {
  /** Typing replaces the history entry; loading the worked example pushes one so Back undoes it. */
  formChanged(next: PlannerForm, mode: 'push' | 'replace' = 'replace'): void {
    updateSearch((p) => writePlannerForm(p, next), mode);
  },
  workedExampleLoaded(): void {
    updateSearch((p) => writePlannerForm(p, WORKED_EXAMPLE_FORM), 'push');
  },
};

const num = (s: string): number => (s.trim() === '' || !Number.isFinite(Number(s)) ? 0 : Number(s));

/** The form as engine input; rates are entered in percent, money in currency units. */
export function toScenarioInput(f: PlannerForm): ScenarioInput {
  const step = (s: StepForm): ScenarioStep =>
    s.mode === 'count' ? { kind: 'count', count: num(s.value) } : { kind: 'rate', rate: num(s.value) / 100 };
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

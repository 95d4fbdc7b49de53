/** Names, defines and formats the Overview's headline figures: value, last quarter's value and the change. Pure. */
import { formatCount, formatDate, formatMoney, formatPercent } from '../../lib/format';
import { TERMS } from '../../lib/wording';
import type { HeadlineKey, LeadHeadlineKey, OpportunityHeadlineKey, OverviewModel } from '../../worker/api';

export interface HeadlineCard {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** e.g. "▲ 12.0% vs 2026-Q3, same days (1,204)". */
  readonly note: string;
  readonly help: string;
  readonly direction: 'up' | 'down' | 'flat' | 'none';
}

type Figure = OverviewModel['headline'][number];

function show(f: Figure, v: number | null, currency: string): string {
  if (f.kind === 'money') return formatMoney(v, currency, true);
  if (f.kind === 'rate') return formatPercent(v);
  return formatCount(v);
}

function changeText(f: Figure): string {
  if (f.change === null) return 'no comparison';
  if (f.kind === 'rate') {
    const pts = f.change * 100;
    return `${pts > 0 ? '+' : pts < 0 ? '−' : '±'}${Math.abs(pts).toFixed(1)} pts`;
  }
  const arrow = f.change > 0 ? '▲' : f.change < 0 ? '▼' : '▶';
  return `${arrow} ${formatPercent(Math.abs(f.change))}`;
}

type Window = OverviewModel['current'];

/** The current window's name: "2026-Q3 to date", or "… to the end of the date filter" when it cuts the quarter. */
export function currentWindowLabel(w: Window): string {
  return w.clipped ? `${w.quarter} to the end of the date filter` : `${w.quarter} to date`;
}

/** The previous window's name: "2026-Q2, same days". */
export function previousWindowLabel(w: Window): string {
  return `${w.quarter}, same days`;
}

/** The figures' names; the Overview's one win rate carries its denominator in its label. */
const HEADLINE_LABELS: Readonly<Record<HeadlineKey, string>> = {
  leads: 'Leads',
  mqls: 'MQLs',
  sqls: 'SQLs',
  sqos: 'SQOs',
  opportunities: 'Opportunities',
  won: 'Won',
  wonAmount: 'Won amount',
  mqlToSqo: 'MQL→SQO (period)',
  winRate: TERMS.winRate.label,
};

/** What each figure counts when the Overview is counted on leads. */
const LEAD_DEFINITIONS: Readonly<Record<LeadHeadlineKey, string>> = {
  leads: 'Leads created in the window (bots excluded).',
  mqls: 'Leads that first entered MQL in the window (inclusive mode: a later stage implies MQL).',
  sqls: 'Leads that first entered SQL in the window.',
  sqos: 'Leads that first became an SQO (opportunity) in the window.',
  won: 'Leads won in the window (won opportunity closed, or a won date).',
  wonAmount: 'Amount of the won opportunities of the leads won in the window.',
  mqlToSqo: 'SQO entries ÷ MQL entries in the window: a period conversion that mixes cohorts.',
  winRate: 'Won ÷ (won + lost) of the deals closed in the window.',
};

/** What each figure counts when the Overview is counted on opportunities. */
const OPPORTUNITY_DEFINITIONS: Readonly<Record<OpportunityHeadlineKey, string>> = {
  opportunities: 'Opportunities created in the window.',
  won: 'Opportunities closed won in the window (by close date).',
  wonAmount: 'Amount of the opportunities closed won in the window.',
  winRate: 'Won ÷ (won + lost) of the opportunities closed in the window.',
};

const DEFINITIONS: Readonly<Record<OverviewModel['basis'], Readonly<Partial<Record<HeadlineKey, string>>>>> = {
  leads: LEAD_DEFINITIONS,
  opportunities: OPPORTUNITY_DEFINITIONS,
};

/** What a headline figure counts, which depends on whether the Overview counts leads or opportunities. */
function headlineDefinition(basis: OverviewModel['basis'], key: HeadlineKey): string {
  return DEFINITIONS[basis][key] ?? '';
}

export function headlineCards(
  m: Pick<OverviewModel, 'basis' | 'currency' | 'current' | 'previous' | 'headline'>,
): HeadlineCard[] {
  return m.headline.map((f) => ({
    key: f.key,
    label: HEADLINE_LABELS[f.key],
    value: show(f, f.current, m.currency),
    note: `${changeText(f)} vs ${previousWindowLabel(m.previous)} (${show(f, f.previous, m.currency)})`,
    help: `${headlineDefinition(m.basis, f.key)} Current: ${formatDate(m.current.from)} – ${formatDate(m.current.to)}; previous: ${formatDate(m.previous.from)} – ${formatDate(m.previous.to)}.`,
    direction: f.change === null ? 'none' : f.change > 0 ? 'up' : f.change < 0 ? 'down' : 'flat',
  }));
}

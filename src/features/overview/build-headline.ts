/** Formats the Overview's headline figures: value, last quarter's value and the change. Pure. */
import { formatCount, formatDate, formatMoney, formatPercent } from '../../lib/format';
import { TERMS } from '../../lib/wording';
import type { OverviewModel } from '../../worker/api';

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

/** The Overview's one win rate carries its denominator in its label. */
const LABELS: Readonly<Record<string, string>> = { winRate: TERMS.winRate.label };

export function headlineCards(m: OverviewModel): HeadlineCard[] {
  return m.headline.map((f) => ({
    key: f.key,
    label: LABELS[f.key] ?? f.label,
    value: show(f, f.current, m.currency),
    note: `${changeText(f)} vs ${previousWindowLabel(m.previous)} (${show(f, f.previous, m.currency)})`,
    help: `${f.definition} Current: ${formatDate(m.current.from)} – ${formatDate(m.current.to)}; previous: ${formatDate(m.previous.from)} – ${formatDate(m.previous.to)}.`,
    direction: f.change === null ? 'none' : f.change > 0 ? 'up' : f.change < 0 ? 'down' : 'flat',
  }));
}

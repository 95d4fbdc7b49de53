/**
 * How every chart looks, on screen and in an exported picture: the colours (each named for what it
 * stands for), the font, the margins and the marks shared by several charts. Views pick a colour by
 * its meaning (`CHART_COLORS.won`), never by hex.
 */

/** The app's font stack (the same as the page's body font). */
export const FONT_STACK = "'Liberation Sans', 'Helvetica Neue', Arial, sans-serif";

/** The page and picture background. */
export const PAPER = '#ffffff';

/** Text colours: body ink and secondary text. */
export const INK = '#1b2230';
export const MUTED_INK = '#4a5568';

export const CHART_COLORS = {
  /** The main series: leads at a stage, commit, a forecast, a total. */
  primary: '#1f4e8c',
  /** Won deals, closed bookings, a clean cohort, a rise. */
  won: '#1d7a46',
  /** Quota lines, flagged cohorts, a fall, a risk. */
  risk: '#b3261e',
  /** Weighted open pipeline due (stacked on won). */
  weighted: '#7aa6d9',
  /** Unweighted open pipeline; counts drawn behind money. */
  pale: '#c9d6ea',
  /** Best case (forecast categories). */
  bestCase: '#4f7fbf',
  /** Pipeline (forecast categories). */
  pipeline: '#93b1d8',
  /** Weighted pipeline due beside the forecast categories. */
  weightedCategory: '#a8660f',
  /** A second stage-duration figure (p75), paler than the median. */
  secondary: '#9fb7d9',
  /** Counts of a distribution (days between entries). */
  distribution: '#2a9d8f',
  /** Scores: the combined score, the draft rule set, leads that reached SQO. */
  score: '#1f5fa8',
  /** Scores: the fit score, the last applied rule set. */
  fit: '#8aa9d6',
  /** Scores: the intent score. */
  intent: '#b45309',
  /** The recorded process (what the CRM recorded). */
  recorded: '#9a9a9a',
  /** Leads that did not reach SQO. */
  notConverted: '#b9c7db',
  /** A neutral reference: "no better than random", a diagonal. */
  reference: '#555555',
  /** A claimed probability drawn beside what happened. */
  claimed: '#777777',
  /** A method of its own beside the others (SQO lag). */
  violet: '#7c3aed',
  /** Benchmark bands and lines from published sources. */
  benchmark: '#8a5a00',
  /** Labels drawn on marks (e.g. "n = 2"). */
  markLabel: '#3d4654',
} as const;

export type ChartColor = keyof typeof CHART_COLORS;

/** Colours of threshold markers, in turn. */
export const MARKER_COLORS: readonly string[] = [CHART_COLORS.intent, CHART_COLORS.violet, '#dc2626'];

/** Colours of compared groups, in turn (the first is the primary series). */
export const GROUP_COLORS: readonly string[] = [
  CHART_COLORS.primary,
  '#d9822b',
  CHART_COLORS.distribution,
  '#8e44ad',
  '#c0392b',
  '#7f8c8d',
  '#b8860b',
  '#5d8a2f',
  '#d6458b',
  '#2c7bb6',
  '#6b4f2a',
  '#34495e',
];

/** The highlight behind the hovered category. */
export const CURSOR_FILL = 'rgba(31, 78, 140, 0.08)';

/** Plot margins, CSS px: the usual one, and one with room for a rotated axis title under the x axis. */
export const MARGIN = { top: 8, right: 16, bottom: 24, left: 16 } as const;
export const MARGIN_WIDE_X = { top: 16, right: 24, bottom: 28, left: 16 } as const;

/** Font sizes on marks and ticks, CSS px. */
export const FONT_SIZE = { tick: 12, smallTick: 11, markLabel: 10, referenceLabel: 12 } as const;

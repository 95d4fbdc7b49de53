/**
 * Behavioural activities of demo leads. The mix differs by hidden intent — buyers view pricing,
 * compare, run the ROI tool, invite teammates; browsers read pages and whitepapers and open e-mails —
 * and the lifecycle leaves its own traces (interest before an MQL, a booked meeting before an SQL,
 * deal activity after SQO). Bots fire bursts of zero-second page views.
 *
 * Values: page, pricing and integration views carry seconds on page; webinars carry minutes watched.
 */
import type { ActivityRecord, StageEvent } from '../engine/model/records';
import type { ActivityType } from '../engine/model/stages';
import { DAY_MS } from '../engine/time';
import { BROWSER, BUYER, EVALUATOR, type IntentClass } from './people';
import { weightedTable, type Rng, type WeightedTable } from './prng';

type Mix = WeightedTable<ActivityType>;

const BACKGROUND: Readonly<Record<IntentClass, Mix>> = {
  [BROWSER]: weightedTable<ActivityType>([
    ['page_view', 40],
    ['email_open', 30],
    ['whitepaper_download', 10],
    ['email_click', 5],
    ['pricing_view', 4],
    ['case_study_download', 2],
    ['webinar_attended', 2],
    ['unsubscribe', 3],
    ['integration_view', 2],
    ['chat', 1],
  ]),
  [EVALUATOR]: weightedTable<ActivityType>([
    ['page_view', 25],
    ['email_open', 20],
    ['email_click', 10],
    ['case_study_download', 8],
    ['webinar_attended', 8],
    ['pricing_view', 8],
    ['integration_view', 6],
    ['whitepaper_download', 8],
    ['comparison_download', 3],
    ['chat', 2],
    ['email_reply', 2],
    ['unsubscribe', 1],
  ]),
  [BUYER]: weightedTable<ActivityType>([
    ['page_view', 15],
    ['pricing_view', 14],
    ['email_click', 8],
    ['email_open', 8],
    ['case_study_download', 8],
    ['integration_view', 8],
    ['comparison_download', 8],
    ['roi_calculator', 7],
    ['demo_request', 4],
    ['email_reply', 6],
    ['chat', 5],
    ['webinar_attended', 4],
    ['trial_signup', 4],
    ['trial_invite', 3],
  ]),
};
/** Mean background activities by intent class. */
const BACKGROUND_MEAN = [4.2, 7, 9];
/** Median days over which background activity spreads, by intent class. */
const ACTIVE_DAYS = [45, 60, 75];

const INTEREST = weightedTable<ActivityType>([
  ['pricing_view', 3],
  ['case_study_download', 3],
  ['webinar_attended', 2],
  ['email_click', 2],
  ['integration_view', 2],
]);
const DEAL = weightedTable<ActivityType>([
  ['email_reply', 4],
  ['meeting_booked', 3],
  ['trial_signup', 2],
  ['trial_invite', 3],
  ['roi_calculator', 2],
  ['comparison_download', 2],
  ['pricing_view', 2],
]);

function valueOf(rng: Rng, type: string): number | undefined {
  if (type === 'page_view' || type === 'pricing_view' || type === 'integration_view') {
    return Math.max(2, Math.round(rng.lognormal(35, 0.8)));
  }
  if (type === 'webinar_attended') return rng.int(5, 60);
  return undefined;
}

/** Appends an activity unless it falls at or after the horizon. */
function add(rng: Rng, out: ActivityRecord[], leadId: string, type: string, at: number, horizon: number): void {
  const t = Math.round(at);
  if (t >= horizon) return;
  const value = valueOf(rng, type);
  out.push(value === undefined ? { leadId, type, at: t } : { leadId, type, at: t, value });
}

/** Sorts `out[from..]` by time in place (insertion sort: a lead has a few dozen at most; stable). */
function sortTail(out: ActivityRecord[], from: number): void {
  for (let i = from + 1; i < out.length; i++) {
    const a = out[i]!;
    let j = i - 1;
    while (j >= from && out[j]!.at > a.at) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = a;
  }
}

export interface ActivityInput {
  readonly leadId: string;
  readonly createdAt: number;
  readonly intent: IntentClass;
  /** Activity of the form that created the lead, if any. */
  readonly entryActivity: string | undefined;
  readonly history: readonly StageEvent[];
  /** Epoch ms the opportunity closed, NaN when open or none. */
  readonly dealEnd: number;
  readonly horizon: number;
}

/** Appends a human lead's activities before the horizon to `out`, sorted by time. */
export function generateActivities(rng: Rng, a: ActivityInput, out: ActivityRecord[]): void {
  const { leadId, createdAt, intent, horizon } = a;
  const from = out.length;
  if (a.entryActivity !== undefined)
    add(rng, out, leadId, a.entryActivity, createdAt + rng.uniform(0, 120_000), horizon);
  if (a.entryActivity === 'form_fill' && rng.chance(0.3)) {
    add(rng, out, leadId, 'webinar_attended', createdAt + rng.uniform(2, 10) * DAY_MS, horizon);
  }
  const n = rng.poisson(BACKGROUND_MEAN[intent]!);
  const span = rng.lognormal(ACTIVE_DAYS[intent]!, 0.5) * DAY_MS;
  for (let k = 0; k < n; k++) {
    add(rng, out, leadId, rng.weighted(BACKGROUND[intent]), createdAt + span * Math.pow(rng.next(), 1.5), horizon);
  }
  for (const ev of a.history) {
    if (ev.stage === 'mql') {
      const since = Math.max(createdAt, ev.at - 7 * DAY_MS);
      const k = rng.int(1, 2);
      for (let j = 0; j < k; j++) add(rng, out, leadId, rng.weighted(INTEREST), rng.uniform(since, ev.at), horizon);
    } else if (ev.stage === 'sql') {
      add(rng, out, leadId, 'meeting_booked', Math.max(createdAt, ev.at - rng.uniform(0.05, 2) * DAY_MS), horizon);
    } else if (ev.stage === 'sqo') {
      const end = Number.isNaN(a.dealEnd) ? ev.at + 75 * DAY_MS : a.dealEnd;
      const k = rng.int(2, 5);
      for (let j = 0; j < k; j++) add(rng, out, leadId, rng.weighted(DEAL), rng.uniform(ev.at, end), horizon);
    }
  }
  sortTail(out, from);
}

/** Appends a bot's activity: one to three bursts of zero-second page views, seconds apart. */
export function generateBotActivities(
  rng: Rng,
  leadId: string,
  createdAt: number,
  horizon: number,
  out: ActivityRecord[],
): void {
  const from = out.length;
  const bursts = rng.int(1, 3);
  for (let b = 0; b < bursts; b++) {
    let at = createdAt + (b === 0 ? 0 : rng.uniform(0, 30) * DAY_MS);
    const views = rng.int(15, 60);
    for (let v = 0; v < views; v++) {
      const t = Math.round(at);
      if (t < horizon) out.push({ leadId, type: 'page_view', at: t, value: 0 });
      at += rng.uniform(0.5, 4) * 1000;
    }
  }
  sortTail(out, from);
}

/**
 * Lead sources of the demo company and how they differ. Quality is carried by the share of buyers
 * and evaluators a source brings (the rest browse) and by how well it targets the ICP, so the
 * sources' MQL→SQO rates differ several-fold without any per-source fudge on the funnel itself.
 */
import { weightedTable, type WeightedTable } from './prng';

export interface SourceSpec {
  readonly name: string;
  /** Share of leads from this source. */
  readonly weight: number;
  /** Probability that a lead of this source is a buyer (before the fit adjustment). */
  readonly buyer: number;
  /** Probability that a lead of this source is an evaluator. */
  readonly evaluator: number;
  /** Probability of a student or intern contact. */
  readonly student: number;
  /** Probability of a free-mail address on a business contact. */
  readonly freeMail: number;
  /** Account draws per lead, the most ICP-like kept: 1 untargeted, 3 tightly targeted. */
  readonly targeting: number;
  /** Channel of the lead's first touch. */
  readonly channels: WeightedTable<string>;
  /** Who is credited with sourcing the opportunity when the lead reaches SQO. */
  readonly sourcedBy: WeightedTable<string>;
  /** Campaign names; none for sources without campaigns (organic search). */
  readonly campaigns: readonly string[];
  /** Whether campaign names carry the quarter (a webinar series) or not (an always-on form). */
  readonly quarterlyCampaigns: boolean;
  /** Activity recorded when the lead is created, if any (a demo form, a webinar sign-up). */
  readonly entryActivity?: string;
}

const one = (channel: string) => weightedTable([[channel, 1]]);
const marketing = weightedTable([
  ['marketing', 85],
  ['sdr', 15],
]);

export const SOURCES: readonly SourceSpec[] = [
  {
    name: 'demo_request',
    weight: 6,
    buyer: 0.5,
    evaluator: 0.35,
    student: 0.01,
    freeMail: 0.04,
    targeting: 1,
    channels: weightedTable([
      ['organic', 65],
      ['paid', 35],
    ]),
    sourcedBy: marketing,
    campaigns: ['Website demo form'],
    quarterlyCampaigns: false,
    entryActivity: 'demo_request',
  },
  {
    name: 'referral',
    weight: 4,
    buyer: 0.42,
    evaluator: 0.35,
    student: 0.01,
    freeMail: 0.05,
    targeting: 2,
    channels: one('referral'),
    sourcedBy: weightedTable([
      ['marketing', 55],
      ['sdr', 45],
    ]),
    campaigns: ['Customer referral program'],
    quarterlyCampaigns: false,
    entryActivity: 'form_fill',
  },
  {
    name: 'organic_search',
    weight: 20,
    buyer: 0.12,
    evaluator: 0.3,
    student: 0.06,
    freeMail: 0.1,
    targeting: 1,
    channels: one('organic'),
    sourcedBy: marketing,
    campaigns: [],
    quarterlyCampaigns: false,
    entryActivity: 'form_fill',
  },
  {
    name: 'paid_search',
    weight: 14,
    buyer: 0.1,
    evaluator: 0.28,
    student: 0.05,
    freeMail: 0.1,
    targeting: 1,
    channels: one('paid'),
    sourcedBy: marketing,
    campaigns: ['Brand search', 'Competitor keywords', 'Forecasting keywords'],
    quarterlyCampaigns: false,
    entryActivity: 'form_fill',
  },
  {
    name: 'webinar',
    weight: 9,
    buyer: 0.08,
    evaluator: 0.38,
    student: 0.06,
    freeMail: 0.08,
    targeting: 1,
    channels: one('webinar'),
    sourcedBy: marketing,
    campaigns: ['Forecasting 101 webinar', 'Fixing the MQL webinar', 'RevOps roundtable'],
    quarterlyCampaigns: true,
    entryActivity: 'form_fill',
  },
  {
    name: 'events',
    weight: 7,
    buyer: 0.09,
    evaluator: 0.3,
    student: 0.03,
    freeMail: 0.03,
    targeting: 2,
    channels: one('event'),
    sourcedBy: marketing,
    campaigns: ['SaaS conference booth', 'RevOps Summit', 'Executive dinner'],
    quarterlyCampaigns: true,
  },
  {
    name: 'content_syndication',
    weight: 13,
    buyer: 0.02,
    evaluator: 0.14,
    student: 0.14,
    freeMail: 0.14,
    targeting: 1,
    channels: one('content_syndication'),
    sourcedBy: marketing,
    campaigns: ['State of RevOps report', 'Pipeline benchmarks ebook'],
    quarterlyCampaigns: true,
    entryActivity: 'whitepaper_download',
  },
  {
    name: 'purchased_list',
    weight: 8,
    buyer: 0.015,
    evaluator: 0.1,
    student: 0.08,
    freeMail: 0.12,
    targeting: 1,
    channels: one('email'),
    sourcedBy: marketing,
    campaigns: ['Data vendor list'],
    quarterlyCampaigns: true,
  },
  {
    name: 'partner',
    weight: 7,
    buyer: 0.22,
    evaluator: 0.33,
    student: 0.01,
    freeMail: 0.03,
    targeting: 2,
    channels: one('partner'),
    sourcedBy: weightedTable([['partner', 1]]),
    campaigns: ['Partner referral program'],
    quarterlyCampaigns: false,
  },
  {
    name: 'outbound',
    weight: 12,
    buyer: 0.1,
    evaluator: 0.26,
    student: 0,
    freeMail: 0,
    targeting: 3,
    channels: one('outbound'),
    sourcedBy: weightedTable([
      ['sdr', 70],
      ['ae', 30],
    ]),
    campaigns: ['ICP outbound sequence', 'Enterprise ABM'],
    quarterlyCampaigns: true,
  },
];

export const SOURCE_TABLE = weightedTable(SOURCES.map((s) => [s, s.weight] as const));

/** Channels of touches that are neither the first touch nor outbound: nurture and field marketing. */
export const NURTURE_CHANNELS = weightedTable([
  ['email', 50],
  ['webinar', 18],
  ['event', 12],
  ['paid', 12],
  ['organic', 8],
]);

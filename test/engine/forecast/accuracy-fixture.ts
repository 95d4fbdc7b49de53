/**
 * A tiny company for the forecast-accuracy back-test (calendar quarters; amounts in dollars).
 *
 * W  created 2025-10-01 $10,000 sqo (p 0.1), due 2025-12-15; won 2025-12-15.
 * A  created 2025-11-01 $20,000 sqo (rep p 0.2), due 2026-02-15; 2026-01-20 negotiation (rep p 0.6);
 *    won 2026-02-15.
 * B  created 2025-12-01 $30,000 proposal (rep p 0.4), due 2026-03-20; 2026-03-10 pushed to
 *    2026-04-20 (out of Q1); won 2026-04-20.
 * C  created 2026-02-01 $40,000 discovery (rep p 0.3), due 2026-03-25; 2026-03-01 amount $50,000;
 *    won 2026-03-25.
 * D  created 2026-07-01 $100,000 negotiation (rep p 0.5), due 2026-09-15; open.
 * As of 2026-07-25 (current quarter Q3). The data starts 2025-10-01, so the completed quarters
 * that began after it are 2026-Q1 (actual: A + C = $70,000) and 2026-Q2 (actual: B = $30,000).
 *
 * Week k of a quarter starts (k − 1) × 7 days after the quarter: Q1 weeks start Jan 1, 8, 15, 22,
 * 29, Feb 5, 12, 19, 26, Mar 5, 12, 19, 26; Q2 weeks Apr 1, 8, 15, 22, … Jun 24.
 * p(stage): fewer than 20 closed deals pass through any stage, so the entered defaults apply
 * (sqo 0.1, discovery 0.2, proposal 0.35, negotiation 0.6). Categories from the stage: sqo and
 * discovery Pipeline, proposal Best case, negotiation Commit.
 *
 * 2026-Q1, forecasts by week (won so far + open deals due in Q1):
 *   weeks  won    weighted                         commit   best case        rep probability
 *   1–3    0      A 2,000 + B 10,500 = 12,500      0        B 30,000         A 4,000 + B 12,000 = 16,000
 *   4–5    0      A 12,000 + B 10,500 = 22,500     A 20,000 A+B 50,000       A 12,000 + B 12,000 = 24,000
 *   6–7    0      + C 8,000 = 30,500               20,000   50,000           + C 12,000 = 36,000
 *   8–9    A 20k  20,000 + 10,500 + 8,000 = 38,500 20,000   20,000 + B = 50k 20,000 + 12,000 + 12,000 = 44,000
 *   10     20,000 20,000 + 10,500 + C 10,000 = 40,500 20,000 50,000         20,000 + 12,000 + C 15,000 = 47,000
 *   11–12  20,000 (B pushed out) 20,000 + 10,000 = 30,000 20,000 20,000      20,000 + 15,000 = 35,000
 *   13     A+C 70,000 → every method 70,000
 * |forecast − actual| summed over the 13 weeks, ÷ ($70,000 × 13 = $910,000):
 *   weighted 3×57,500 + 2×47,500 + 2×39,500 + 2×31,500 + 29,500 + 2×40,000 = 519,000 → 0.570330
 *   commit   3×70,000 + 4×50,000 + 5×50,000 = 660,000 → 0.725275
 *   best     3×40,000 + 7×20,000 + 2×50,000 = 360,000 → 0.395604
 *   rep      3×54,000 + 2×46,000 + 2×34,000 + 2×26,000 + 23,000 + 2×35,000 = 467,000 → 0.513187
 * SQO lag in Q1: cohort 2025-Q4 has 3 SQOs (W, A, B), W won at lag 0 → share(0) = 1/3; no cohort
 *   is old enough for lag ≥ 1 (null, counts 0). Forecast = SQOs created in Q1 so far × 1/3 × the
 *   average won deal: weeks 1–5 none created → $0; weeks 6–7 C × 1/3 × $10,000 (W) = $3,333.33;
 *   weeks 8–12 × $15,000 (W, A) = $5,000; week 13 × $26,666.67 (W, A, C) = $8,888.89.
 *   Σ|error| = 5×70,000 + 2×66,666.67 + 5×65,000 + 61,111.11 = 869,444.45 → 0.955433
 *
 * 2026-Q2, B open in proposal due Apr 20 for weeks 1–3, won from week 4 (all methods $30,000):
 *   weeks 1–3: weighted 10,500, commit 0, best case 30,000, rep 12,000.
 *   APE = 3 × |f − 30,000| ÷ 30,000 ÷ 13: weighted 0.15, commit 3/13 = 0.230769, best 0, rep 0.138462.
 *   SQO lag: share(0) = (W, C) 2 of 4, share(1) = A 1 of 3 (cohort Q4); Q2 = created(Q1) 1 × 1/3 ×
 *   avg won: weeks 1–3 $26,666.67 → $8,888.89; weeks 4–13 $27,500 (with B) → $9,166.67.
 *   APE = (3 × 21,111.11 + 10 × 20,833.33) ÷ 30,000 ÷ 13 = 0.696581.
 *
 * MAPE = mean of the two quarters: weighted 0.360165, commit 0.478022, best case 0.197802,
 * rep probability 0.325824, SQO lag 0.826007 → best case is the most accurate.
 */
import { buildDataset } from '../../../src/engine/model/build-dataset';
import type { OpportunityChange, OpportunityRecord } from '../../../src/engine/model/records';
import { ms, opportunity, recordSet } from '../../fixtures/records';

export const usd = (dollars: number) => dollars * 100;
const c = (at: string, fields: Omit<OpportunityChange, 'at'>): OpportunityChange => ({ at: ms(at), ...fields });
const stages = (...s: [string, string][]) => s.map(([stage, at]) => ({ stage, at: ms(at) }));

export const DEALS: OpportunityRecord[] = [
  opportunity('W', '2025-10-01', {
    amountCents: usd(10_000),
    status: 'won',
    closeDate: ms('2025-12-15'),
    stage: 'won',
    stageHistory: stages(['sqo', '2025-10-01'], ['won', '2025-12-15']),
    changes: [
      c('2025-10-01', { stage: 'sqo', amountCents: usd(10_000), closeDate: ms('2025-12-15'), probability: 0.1 }),
      c('2025-12-15', { stage: 'won', probability: 1 }),
    ],
  }),
  opportunity('A', '2025-11-01', {
    amountCents: usd(20_000),
    status: 'won',
    closeDate: ms('2026-02-15'),
    stage: 'won',
    stageHistory: stages(['sqo', '2025-11-01'], ['negotiation', '2026-01-20'], ['won', '2026-02-15']),
    changes: [
      c('2025-11-01', { stage: 'sqo', amountCents: usd(20_000), closeDate: ms('2026-02-15'), probability: 0.2 }),
      c('2026-01-20', { stage: 'negotiation', probability: 0.6 }),
      c('2026-02-15', { stage: 'won', probability: 1 }),
    ],
  }),
  opportunity('B', '2025-12-01', {
    amountCents: usd(30_000),
    status: 'won',
    closeDate: ms('2026-04-20'),
    stage: 'won',
    stageHistory: stages(['sqo', '2025-12-01'], ['proposal', '2025-12-01'], ['won', '2026-04-20']),
    changes: [
      c('2025-12-01', { stage: 'proposal', amountCents: usd(30_000), closeDate: ms('2026-03-20'), probability: 0.4 }),
      c('2026-03-10', { closeDate: ms('2026-04-20') }),
      c('2026-04-20', { stage: 'won', probability: 1 }),
    ],
  }),
  opportunity('C', '2026-02-01', {
    amountCents: usd(50_000),
    status: 'won',
    closeDate: ms('2026-03-25'),
    stage: 'won',
    stageHistory: stages(['sqo', '2026-02-01'], ['discovery', '2026-02-01'], ['won', '2026-03-25']),
    changes: [
      c('2026-02-01', { stage: 'discovery', amountCents: usd(40_000), closeDate: ms('2026-03-25'), probability: 0.3 }),
      c('2026-03-01', { amountCents: usd(50_000) }),
      c('2026-03-25', { stage: 'won', probability: 1 }),
    ],
  }),
  opportunity('D', '2026-07-01', {
    amountCents: usd(100_000),
    closeDate: ms('2026-09-15'),
    stage: 'negotiation',
    stageHistory: stages(['sqo', '2026-07-01'], ['negotiation', '2026-07-01']),
    changes: [
      c('2026-07-01', {
        stage: 'negotiation',
        amountCents: usd(100_000),
        closeDate: ms('2026-09-15'),
        probability: 0.5,
      }),
    ],
  }),
];

export const ACCURACY_AS_OF = ms('2026-07-25');
export const accuracyCompany = (deals: OpportunityRecord[] = DEALS) =>
  buildDataset(recordSet({ opportunities: deals }));

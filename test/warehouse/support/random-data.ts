/**
 * fast-check generators for the SQL equality property: small record sets whose attributes come
 * from short pools (so rules match often), custom columns whose names need quoting (`select`,
 * `Deal Size`, `order`) and values holding `'` and `--`, and random rule sets over those attributes.
 */
import fc from 'fast-check';
import type {
  AccountRecord,
  ActivityRecord,
  LeadRecord,
  OpportunityRecord,
  RecordSet,
  StageEvent,
} from '../../../src/engine/model/records';
import { ACTIVITY_TYPES, QUALIFICATION_CRITERIA, type LeadStage } from '../../../src/engine/model/stages';
import { FRAMEWORKS, type FitRule, type RuleSet } from '../../../src/engine/scoring/rules';

const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 0, 1);

/** Text values of every attribute: cases, spaces and SQL-looking text on purpose. */
export const WORDS = [
  'Software',
  'software ',
  'Fintech',
  "O'Brien -- x",
  'VP',
  'c-level',
  'NA',
  'EMEA',
  '10',
  ' 25.5',
  'x1',
  "'; DROP TABLE leads; --",
] as const;
const word = fc.constantFrom(...WORDS);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const EMAILS = [
  'a@gmail.com',
  'b@Acme.io',
  'c@x.edu',
  'no-at-sign',
  'd@sub@corp.com',
  "o'neil@pipelinepro.io",
] as const;

const account = (id: string): fc.Arbitrary<AccountRecord> =>
  fc
    .record({
      industry: maybe(word),
      region: maybe(word),
      employees: maybe(fc.integer({ min: 1, max: 20_000 })),
      revenue: maybe(fc.integer({ min: 0, max: 50_000_000 })),
      order: maybe(word),
    })
    .map((a) => {
      const custom: Record<string, string> = {};
      if (a.order !== undefined) custom.order = a.order;
      return defined({
        id,
        industry: a.industry,
        region: a.region,
        employees: a.employees,
        annualRevenueCents: a.revenue === undefined ? undefined : a.revenue * 100,
        techStack: [],
        custom,
      }) as AccountRecord;
    });

/** The object without its undefined fields (records leave absent fields out). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const STAGES: readonly LeadStage[] = ['mql', 'sal', 'sql', 'sqo', 'won', 'lost', 'disqualified'];

const lead = (
  id: string,
  accounts: number,
): fc.Arbitrary<{ lead: LeadRecord; activities: ActivityRecord[]; opportunity?: OpportunityRecord }> =>
  fc
    .record({
      created: fc.integer({ min: 0, max: 200 }),
      account: fc.integer({ min: -1, max: accounts - 1 }),
      email: maybe(fc.constantFrom(...EMAILS)),
      persona: maybe(word),
      seniority: maybe(word),
      select: maybe(word),
      dealSize: maybe(fc.integer({ min: 0, max: 500 })),
      stages: fc
        .subarray([...STAGES])
        .chain((ss) =>
          fc.tuple(
            fc.constant(ss),
            fc.array(fc.integer({ min: 0, max: 120 }), { minLength: ss.length, maxLength: ss.length }),
          ),
        ),
      acts: fc.array(
        fc.record({
          type: fc.constantFrom(
            ...ACTIVITY_TYPES.slice(0, 6),
            'meeting_booked',
            'demo_request',
            'unsubscribe',
            'custom_ping',
          ),
          day: fc.integer({ min: 0, max: 330 }),
          ms: fc.integer({ min: 0, max: DAY - 1 }),
        }),
        { maxLength: 12 },
      ),
      opp: maybe(
        fc.record({
          day: fc.integer({ min: 0, max: 300 }),
          q: fc.array(fc.constantFrom(true, false, undefined), {
            minLength: QUALIFICATION_CRITERIA.length,
            maxLength: QUALIFICATION_CRITERIA.length,
          }),
        }),
      ),
    })
    .map((r) => {
      const created = T0 + r.created * DAY;
      const history: StageEvent[] = [{ stage: 'lead', at: created }];
      r.stages[0].forEach((s, k) => history.push({ stage: s, at: created + r.stages[1][k]! * DAY }));
      history.sort((a, b) => a.at - b.at);
      const custom: Record<string, string> = {};
      if (r.select !== undefined) custom.select = r.select;
      if (r.dealSize !== undefined) custom['Deal Size'] = String(r.dealSize);
      const l = defined({
        id,
        createdAt: created,
        accountId: r.account < 0 ? undefined : `A-${r.account}`,
        email: r.email,
        persona: r.persona,
        seniority: r.seniority,
        isBot: false,
        stageHistory: history,
        custom,
      }) as LeadRecord;
      const activities = r.acts
        .map((a) => ({ leadId: id, type: a.type, at: created + a.day * DAY + a.ms }))
        .sort((a, b) => a.at - b.at);
      const opportunity: OpportunityRecord | undefined =
        r.opp &&
        ({
          id: `O-${id}`,
          leadId: id,
          createdAt: created + r.opp.day * DAY,
          amountCents: 100_000,
          status: 'open',
          stageHistory: [{ stage: 'sqo', at: created + r.opp.day * DAY }],
          qualification: Object.fromEntries(
            QUALIFICATION_CRITERIA.flatMap((c, k) => (r.opp!.q[k] === undefined ? [] : [[c, r.opp!.q[k]]])),
          ),
          custom: {},
        } as OpportunityRecord);
      return opportunity ? { lead: l, activities, opportunity } : { lead: l, activities };
    });

export const recordSets: fc.Arbitrary<RecordSet> = fc.integer({ min: 1, max: 5 }).chain((na) =>
  fc
    .tuple(fc.tuple(...Array.from({ length: na }, (_, k) => account(`A-${k}`))), fc.integer({ min: 1, max: 25 }))
    .chain(([accounts, nl]) =>
      fc.tuple(...Array.from({ length: nl }, (_, k) => lead(`L-${k}`, na))).map((ls) => ({
        name: 'random',
        plan: { currency: 'USD', fiscalYearStartMonth: 1, quotas: [] },
        accounts: [...accounts],
        leads: ls.map((x) => x.lead),
        activities: ls.flatMap((x) => x.activities),
        opportunities: ls.flatMap((x) => (x.opportunity ? [x.opportunity] : [])),
        touches: [],
      })),
    ),
);

const ATTRIBUTES = [
  'account.industry',
  'account.region',
  'account.employees',
  'account.annualRevenue',
  'account.custom.order',
  'lead.persona',
  'lead.seniority',
  'lead.emailDomain',
  'lead.custom.select',
  'lead.custom.Deal Size',
] as const;
const ruleValue = fc.constantFrom(...WORDS, 'gmail.com', '.edu', 'acme', '', '  ', '100', "o'", '--');

const fitRule = (k: number): fc.Arbitrary<FitRule> =>
  fc
    .record({
      attribute: fc.constantFrom(...ATTRIBUTES),
      points: fc.integer({ min: -50, max: 50 }),
      op: fc.constantFrom('equals', 'in', 'range', 'contains', 'empty', 'always'),
    })
    .chain((b) => {
      const head = { id: `r${k}`, label: `rule ${k}`, attribute: b.attribute, points: b.points };
      switch (b.op) {
        case 'empty':
          return fc.constant({ ...head, op: 'empty' } as FitRule);
        case 'always':
          return fc
            .integer({ min: -100, max: 100 })
            .map((points) => ({ ...head, attribute: '', points, op: 'always' }) as FitRule);
        case 'equals':
        case 'contains':
          return ruleValue.map((value) => ({ ...head, op: b.op, value }) as FitRule);
        case 'in':
          return fc.array(ruleValue, { maxLength: 3 }).map((values) => ({ ...head, op: 'in', values }) as FitRule);
        default:
          return fc
            .record({
              min: maybe(fc.constantFrom(0, 10, 25.5, 200, 5000, 250)),
              max: maybe(fc.constantFrom(10, 300, 5000, 20_000_000)),
            })
            .map(
              (m) =>
                ({
                  ...head,
                  op: 'range',
                  ...(m.min === undefined ? {} : { min: m.min }),
                  ...(m.max === undefined ? {} : { max: m.max }),
                }) as FitRule,
            );
      }
    });

export const ruleSets: fc.Arbitrary<RuleSet> = fc
  .record({
    fit: fc.integer({ min: 0, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => fitRule(k)))),
    acts: fc.array(
      fc.record({
        type: fc.constantFrom(...ACTIVITY_TYPES.slice(0, 6), 'meeting_booked', 'unsubscribe', 'custom_ping'),
        points: fc.integer({ min: -50, max: 50 }),
        cap: fc.integer({ min: 0, max: 100 }),
      }),
      { maxLength: 8 },
    ),
    halfLifeDays: fc.integer({ min: 1, max: 365 }),
    t: fc.tuple(
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 0, max: 100 }),
    ),
    mode: fc.constantFrom('two-score' as const, 'single-score' as const),
    mins: fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })),
    fitWeight: fc.integer({ min: 0, max: 20 }).map((k) => k / 20),
    sqlActivity: fc.constantFrom('meeting_booked', 'demo_request', 'page_view', 'custom_ping'),
    framework: fc.constantFrom(...FRAMEWORKS),
    criteria: fc.subarray([...QUALIFICATION_CRITERIA], { maxLength: 4 }),
    window: fc.integer({ min: 1, max: 365 }),
  })
  .map((r) => ({
    fitRules: r.fit,
    activities: r.acts,
    halfLifeDays: r.halfLifeDays,
    tiers: {
      icpTier1: Math.max(r.t[0], r.t[1]),
      icpTier2: Math.min(r.t[0], r.t[1]),
      intentHigh: Math.max(r.t[2], r.t[3]),
      intentMid: Math.min(r.t[2], r.t[3]),
    },
    qualification: {
      mqlMode: r.mode,
      mqlMinFit: r.mins[0],
      mqlMinIntent: r.mins[1],
      mqlMinCombined: r.mins[2],
      fitWeight: r.fitWeight,
      sqlActivity: r.sqlActivity,
      framework: r.framework,
      requiredCriteria: r.criteria,
    },
    maturityDays: 180,
    scoringWindowDays: r.window,
  }));

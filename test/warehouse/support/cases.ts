/**
 * The datasets and rule sets every SQL engine is compared with the in-browser engine on: the demo
 * company, the Maven CRM data (../shared/data; fails loudly when missing) and a small hand-made
 * dataset whose custom columns need quoting and whose values hold `'` and `--`.
 */
import { generateDemoCompany } from '../../../src/demo/generate';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import type { Dataset } from '../../../src/engine/model/columns';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import type { RuleSet } from '../../../src/engine/scoring/rules';
import type { ScoringInstant } from '../../../src/warehouse/lead-scores';
import { mavenRecords } from '../../fixtures/maven';
import { lead, ms, opportunity, recordSet } from '../../fixtures/records';

export interface Case {
  readonly name: string;
  readonly ds: Dataset;
  readonly rules: RuleSet;
  readonly instant: ScoringInstant;
}

/** Every kind of rule: text, list, range, contains, e-mail domain, custom text and number columns. */
export const QUOTING_RULES: RuleSet = {
  ...DEFAULT_RULE_SET,
  fitRules: [
    ...DEFAULT_RULE_SET.fitRules,
    {
      id: 'q1',
      label: 'quoted value',
      attribute: 'lead.custom.select',
      op: 'equals',
      value: "it's -- fine",
      points: 30,
    },
    {
      id: 'q2',
      label: 'quote in a list',
      attribute: 'account.custom.order',
      op: 'in',
      values: ["O'Neil", 'x'],
      points: 20,
    },
    { id: 'q3', label: 'numeric custom', attribute: 'lead.custom.Deal Size', op: 'range', min: 100, points: 15 },
    { id: 'q4', label: 'contains a comment', attribute: 'lead.title', op: 'contains', value: '--', points: -5 },
    { id: 'q5', label: 'no industry', attribute: 'account.industry', op: 'empty', points: -10 },
    { id: 'q6', label: 'no employee count', attribute: 'account.employees', op: 'empty', points: -5 },
    { id: 'q7', label: 'base points', attribute: '', op: 'always', points: 12 },
  ],
};

export function quotingDataset(): Dataset {
  return buildDataset(
    recordSet({
      accounts: [
        {
          id: 'A-1',
          industry: 'Software',
          employees: 300,
          annualRevenueCents: 25e8,
          region: 'NA',
          techStack: [],
          custom: { order: "O'Neil" },
        },
        { id: "A-'2", industry: 'Retail', techStack: [], custom: { order: 'y' } },
      ],
      leads: [
        lead(
          'L-1',
          '2026-01-05',
          { mql: '2026-01-10', sql: '2026-01-20' },
          {
            accountId: 'A-1',
            email: 'ann@acme.io',
            title: 'VP -- Sales',
            persona: 'RevOps',
            custom: { select: "it's -- fine", 'Deal Size': '150' },
          },
        ),
        lead(
          "L-'2",
          '2026-01-06',
          {},
          { accountId: "A-'2", email: 'bob@gmail.com', custom: { select: "it''s", 'Deal Size': '20' } },
        ),
        lead('L-3', '2026-02-01', {}, { custom: {} }),
      ],
      activities: [
        { leadId: 'L-1', type: 'pricing_view', at: ms('2026-01-08T10:00:00Z') },
        { leadId: 'L-1', type: 'demo_request', at: ms('2026-01-09T10:00:00Z') },
        { leadId: 'L-1', type: 'meeting_booked', at: ms('2026-01-15T10:00:00Z') },
        { leadId: "L-'2", type: 'unsubscribe', at: ms('2026-01-07T10:00:00Z') },
        { leadId: "L-'2", type: 'email_click', at: ms('2026-01-12T10:00:00Z') },
      ],
      opportunities: [
        opportunity('O-1', '2026-01-25', {
          leadId: 'L-1',
          accountId: 'A-1',
          qualification: { budget: true, authority: true, need: true, timeline: true },
        }),
      ],
    }),
  );
}

const VARIANT: RuleSet = {
  ...DEFAULT_RULE_SET,
  halfLifeDays: 14,
  qualification: {
    ...DEFAULT_RULE_SET.qualification,
    mqlMode: 'single-score',
    mqlMinCombined: 35,
    fitWeight: 0.35,
    sqlActivity: 'demo_request',
    framework: 'MEDDIC',
    requiredCriteria: ['metrics', 'economicBuyer', 'pain'],
  },
};

const MAVEN_RULES: RuleSet = {
  ...DEFAULT_RULE_SET,
  fitRules: [
    ...DEFAULT_RULE_SET.fitRules,
    { id: 'm1', label: 'GTX product', attribute: 'lead.custom.product', op: 'contains', value: 'gtx', points: 25 },
    { id: 'm2', label: 'Large account', attribute: 'account.employees', op: 'range', min: 1000, points: 20 },
  ],
  // The Maven data has no activities: qualify on fit alone.
  qualification: { ...DEFAULT_RULE_SET.qualification, mqlMinIntent: 0 },
};

export function cases(): Case[] {
  const demo = buildDataset(generateDemoCompany({ leads: 3000 }).records);
  const maven = buildDataset(mavenRecords());
  const quoting = quotingDataset();
  return [
    { name: 'demo company, default rules, scored at the as-of', ds: demo, rules: DEFAULT_RULE_SET, instant: 'as-of' },
    { name: 'demo company, default rules, history instant', ds: demo, rules: DEFAULT_RULE_SET, instant: 'history' },
    {
      name: 'demo company, single-score mode, demo request as SQL, MEDDIC criteria',
      ds: demo,
      rules: VARIANT,
      instant: 'history',
    },
    { name: 'Maven CRM data, a custom product rule', ds: maven, rules: MAVEN_RULES, instant: 'as-of' },
    { name: 'quoted names and values', ds: quoting, rules: QUOTING_RULES, instant: 'as-of' },
  ];
}

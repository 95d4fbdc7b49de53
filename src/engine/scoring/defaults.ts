/**
 * The default rule set (SPEC §4). Activity points not named in the spec are ours and stated here:
 * a page view +1, a whitepaper +4, an e-mail open +1, a form fill +5, a chat +8, a trial sign-up
 * +15, a booked meeting +20. Caps bound a type's decayed total so repetition of one cheap action
 * (page views, pricing views) cannot make a lead High intent on its own.
 */
import type { ActivityRule, FitRule, RuleSet } from './rules';

const act = (type: string, points: number, cap: number): ActivityRule => ({ type, points, cap });

export const DEFAULT_ACTIVITIES: readonly ActivityRule[] = [
  act('page_view', 1, 10),
  act('pricing_view', 10, 20),
  act('integration_view', 6, 12),
  act('case_study_download', 5, 15),
  act('whitepaper_download', 4, 12),
  act('comparison_download', 12, 24),
  act('roi_calculator', 12, 24),
  act('webinar_attended', 8, 16),
  act('email_open', 1, 5),
  act('email_click', 3, 12),
  act('email_reply', 10, 20),
  act('form_fill', 5, 10),
  act('chat', 8, 16),
  act('demo_request', 20, 40),
  act('trial_signup', 15, 30),
  act('trial_invite', 15, 30),
  act('meeting_booked', 20, 40),
  act('unsubscribe', -20, 40),
];

export const DEFAULT_FIT_RULES: readonly FitRule[] = [
  {
    id: 'icp-industry',
    label: 'Industry in ICP (Software, Fintech)',
    attribute: 'account.industry',
    op: 'in',
    values: ['Software', 'Fintech'],
    points: 25,
  },
  {
    id: 'employees-core',
    label: '200–4,999 employees',
    attribute: 'account.employees',
    op: 'range',
    min: 200,
    max: 5000,
    points: 20,
  },
  {
    id: 'employees-large',
    label: '5,000+ employees',
    attribute: 'account.employees',
    op: 'range',
    min: 5000,
    points: 10,
  },
  {
    id: 'revenue-band',
    label: 'Annual revenue $20M+',
    attribute: 'account.annualRevenue',
    op: 'range',
    min: 20_000_000,
    points: 10,
  },
  {
    id: 'icp-region',
    label: 'Region NA or EMEA',
    attribute: 'account.region',
    op: 'in',
    values: ['NA', 'EMEA'],
    points: 10,
  },
  {
    id: 'buyer-persona',
    label: 'Buyer persona (sales, RevOps or marketing leader)',
    attribute: 'lead.persona',
    op: 'in',
    values: ['Sales Leader', 'RevOps', 'Marketing Leader'],
    points: 15,
  },
  {
    id: 'senior',
    label: 'Seniority VP or C-level',
    attribute: 'lead.seniority',
    op: 'in',
    values: ['VP', 'C-level'],
    points: 10,
  },
  { id: 'student', label: 'Student or intern', attribute: 'lead.persona', op: 'equals', value: 'Student', points: -40 },
  {
    id: 'edu-mail',
    label: 'Student e-mail domain (.edu)',
    attribute: 'lead.emailDomain',
    op: 'contains',
    value: '.edu',
    points: -30,
  },
  {
    id: 'free-mail',
    label: 'Free-mail domain',
    attribute: 'lead.emailDomain',
    op: 'in',
    values: ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com'],
    points: -20,
  },
  {
    id: 'competitor',
    label: 'Competitor domain',
    attribute: 'lead.emailDomain',
    op: 'in',
    values: ['pipelinepro.io', 'forecastly.com'],
    points: -50,
  },
];

export const DEFAULT_RULE_SET: RuleSet = {
  fitRules: DEFAULT_FIT_RULES,
  activities: DEFAULT_ACTIVITIES,
  halfLifeDays: 30,
  tiers: { icpTier1: 70, icpTier2: 40, intentHigh: 60, intentMid: 30 },
  qualification: {
    mqlMode: 'two-score',
    mqlMinFit: 40,
    mqlMinIntent: 30,
    mqlMinCombined: 40,
    fitWeight: 0.5,
    sqlActivity: 'meeting_booked',
    framework: 'BANT',
    requiredCriteria: ['budget', 'authority', 'need', 'timeline'],
  },
  maturityDays: 180,
  scoringWindowDays: 30,
};

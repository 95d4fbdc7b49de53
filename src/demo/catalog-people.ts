/**
 * People of the demo company's market: job titles with persona and seniority, names for e-mail
 * addresses, and the company's own SDR and AE teams. All names are invented.
 */
import { weightedTable } from './prng';

/**
 * How much a title matters to the buying decision: `buyer` titles are the buyer personas (VP Sales,
 * Head of RevOps, CRO…), `influencer` titles take part, `none` rarely buys, `student` never does.
 */
export type BuyerRole = 'buyer' | 'influencer' | 'none' | 'student';

export interface TitleSpec {
  readonly title: string;
  readonly persona: string;
  readonly seniority: string;
  readonly role: BuyerRole;
}

const T = (title: string, persona: string, seniority: string, role: BuyerRole): TitleSpec => ({
  title,
  persona,
  seniority,
  role,
});

/** Title mix of leads from business sources. */
export const BUSINESS_TITLES = weightedTable<TitleSpec>([
  [T('Chief Revenue Officer', 'Sales Leader', 'C-level', 'buyer'), 3],
  [T('VP Sales', 'Sales Leader', 'VP', 'buyer'), 6],
  [T('Head of Sales', 'Sales Leader', 'Director', 'buyer'), 5],
  [T('Head of RevOps', 'RevOps', 'Director', 'buyer'), 5],
  [T('VP Revenue Operations', 'RevOps', 'VP', 'buyer'), 3],
  [T('Director of Sales Operations', 'RevOps', 'Director', 'buyer'), 4],
  [T('VP Marketing', 'Marketing Leader', 'VP', 'buyer'), 4],
  [T('Chief Marketing Officer', 'Marketing Leader', 'C-level', 'buyer'), 2],
  [T('RevOps Manager', 'RevOps', 'Manager', 'influencer'), 7],
  [T('Sales Operations Analyst', 'RevOps', 'Individual contributor', 'influencer'), 6],
  [T('Head of Demand Generation', 'Marketing Leader', 'Director', 'influencer'), 4],
  [T('Marketing Operations Manager', 'Marketing', 'Manager', 'influencer'), 6],
  [T('FP&A Manager', 'Finance', 'Manager', 'influencer'), 3],
  [T('Chief Financial Officer', 'Finance', 'C-level', 'influencer'), 1],
  [T('Marketing Coordinator', 'Marketing', 'Individual contributor', 'none'), 8],
  [T('Account Executive', 'Practitioner', 'Individual contributor', 'none'), 8],
  [T('Software Engineer', 'Practitioner', 'Individual contributor', 'none'), 7],
  [T('Data Analyst', 'Practitioner', 'Individual contributor', 'none'), 6],
  [T('Customer Success Manager', 'Practitioner', 'Manager', 'none'), 5],
  [T('Office Manager', 'Practitioner', 'Individual contributor', 'none'), 3],
]);

/** Titles of students and interns (they download content; they never buy). */
export const STUDENT_TITLES = weightedTable<TitleSpec>([
  [T('Student', 'Student', 'Student', 'student'), 6],
  [T('Intern', 'Student', 'Intern', 'student'), 3],
  [T('MBA Candidate', 'Student', 'Student', 'student'), 1],
]);

export const FIRST_NAMES = [
  'alex',
  'maria',
  'james',
  'priya',
  'chen',
  'sofia',
  'liam',
  'emma',
  'noah',
  'olivia',
  'lucas',
  'mia',
  'ethan',
  'aisha',
  'mateo',
  'hana',
  'daniel',
  'zoe',
  'omar',
  'lea',
  'samuel',
  'nina',
  'ravi',
  'clara',
  'jonas',
  'elena',
  'marcus',
  'yuki',
  'tomas',
  'grace',
] as const;

export const LAST_NAMES = [
  'smith',
  'garcia',
  'muller',
  'kim',
  'patel',
  'rossi',
  'nguyen',
  'johnson',
  'silva',
  'brown',
  'schmidt',
  'martin',
  'tanaka',
  'lopez',
  'wilson',
  'dubois',
  'khan',
  'andersson',
  'novak',
  'clark',
  'fischer',
  'moreau',
  'sato',
  'walker',
  'jensen',
  'costa',
  'ibrahim',
  'lee',
  'young',
  'hughes',
] as const;

/** Free-mail domains: a fit disqualifier. */
export const FREE_MAIL_DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com'] as const;
/** Student domains: a fit disqualifier. */
export const STUDENT_DOMAINS = ['stateu.edu', 'techinstitute.edu', 'citycollege.edu', 'student.uni-north.edu'] as const;
/** Domains of (invented) competitors: a fit disqualifier. */
export const COMPETITOR_DOMAINS = ['pipelinepro.io', 'forecastly.com'] as const;

/** The company's SDR team (lead owners), with the region each covers. */
export const SDRS: readonly (readonly [name: string, region: string])[] = [
  ['Avery Collins', 'NA'],
  ['Jordan Price', 'NA'],
  ['Riley Morgan', 'NA'],
  ['Casey Bennett', 'NA'],
  ['Taylor Brooks', 'NA'],
  ['Morgan Hale', 'EMEA'],
  ['Jamie Fraser', 'EMEA'],
  ['Robin Keller', 'EMEA'],
  ['Sasha Weber', 'EMEA'],
  ['Kai Tanaka', 'APAC'],
  ['Devi Raman', 'APAC'],
  ['Lucia Ferreira', 'LATAM'],
];

/** The company's account executives (opportunity owners), with the region each covers. */
export const AES: readonly (readonly [name: string, region: string])[] = [
  ['Harper Quinn', 'NA'],
  ['Elliot Shaw', 'NA'],
  ['Dana Whitfield', 'NA'],
  ['Reese Calloway', 'NA'],
  ['Noel Brandt', 'EMEA'],
  ['Marion Lefevre', 'EMEA'],
  ['Aiden Park', 'APAC'],
  ['Rafael Duarte', 'LATAM'],
];

/** The SPEC §10 definitions the demo manifest counts, on hand-made records. */
import { describe, expect, it } from 'vitest';
import { countSkippedStages, findFastTracked, findPassThrough, findRestaged } from '../../src/demo/detect';
import type { LeadRecord, OpportunityRecord, RecordSet, TouchRecord } from '../../src/engine/model/records';
import type { LeadStage } from '../../src/engine/model/stages';

const DAY = 86_400_000;
const BANT = ['budget', 'authority', 'need', 'timeline'] as const;
const allTrue = { budget: true, authority: true, need: true, timeline: true };

function lead(id: string, stages: [LeadStage, number][]): LeadRecord {
  return { id, createdAt: 0, isBot: false, stageHistory: stages.map(([stage, at]) => ({ stage, at })), custom: {} };
}

function opp(id: string, leadId: string, extra: Partial<OpportunityRecord> = {}): OpportunityRecord {
  return {
    id,
    leadId,
    accountId: 'A-1',
    createdAt: 10 * DAY,
    amountCents: 100,
    status: 'open',
    stageHistory: [{ stage: 'sqo', at: 10 * DAY }],
    qualification: allTrue,
    custom: {},
    ...extra,
  };
}

function set(leads: LeadRecord[], opportunities: OpportunityRecord[], touches: TouchRecord[] = []): RecordSet {
  const plan = { currency: 'USD', fiscalYearStartMonth: 1, quotas: [] };
  return { name: 't', plan, accounts: [], leads, activities: [], opportunities, touches };
}

describe('fast-track', () => {
  it('flags an SQO under a day after the SQL, none without SQL, and a missing or false BANT criterion', () => {
    const rs = set(
      [
        lead('clean', [
          ['lead', 0],
          ['sql', 5 * DAY],
          ['sqo', 10 * DAY],
        ]),
        lead('quick', [
          ['lead', 0],
          ['sql', 10 * DAY - 3_600_000],
          ['sqo', 10 * DAY],
        ]),
        lead('nosql', [
          ['lead', 0],
          ['sal', 5 * DAY],
          ['sqo', 10 * DAY],
        ]),
        lead('bant', [
          ['lead', 0],
          ['sql', 5 * DAY],
          ['sqo', 10 * DAY],
        ]),
        lead('empty', [
          ['lead', 0],
          ['sql', 5 * DAY],
          ['sqo', 10 * DAY],
        ]),
      ],
      [
        opp('O-clean', 'clean'),
        opp('O-quick', 'quick'),
        opp('O-nosql', 'nosql'),
        opp('O-bant', 'bant', { qualification: { ...allTrue, budget: false } }),
        opp('O-empty', 'empty', { qualification: { budget: true, authority: true, need: true } }),
      ],
    );
    expect(findFastTracked(rs, BANT)).toEqual(['O-quick', 'O-nosql', 'O-bant', 'O-empty']);
  });

  it('treats exactly one day between SQL and SQO as not fast-tracked', () => {
    const rs = set(
      [
        lead('l', [
          ['lead', 0],
          ['sql', 9 * DAY],
          ['sqo', 10 * DAY],
        ]),
      ],
      [opp('O', 'l')],
    );
    expect(findFastTracked(rs, BANT)).toEqual([]);
  });
});

describe('re-stage', () => {
  it('flags a history that returns to sqo after a later stage, and not a forward one', () => {
    const forward = opp('O-f', 'l', {
      stageHistory: [
        { stage: 'sqo', at: 1 },
        { stage: 'discovery', at: 2 },
        { stage: 'proposal', at: 3 },
      ],
    });
    const back = opp('O-b', 'l', {
      stageHistory: [
        { stage: 'sqo', at: 1 },
        { stage: 'proposal', at: 2 },
        { stage: 'sqo', at: 3 },
      ],
    });
    expect(findRestaged(set([], [forward, back]))).toEqual(['O-b']);
  });
});

describe('pass-through', () => {
  it('flags an AE-sourced deal whose first touch, on the lead or the deal, was not outbound', () => {
    const touches: TouchRecord[] = [
      { leadId: 'in', channel: 'organic', at: 1 },
      { opportunityId: 'O-in', channel: 'outbound', at: 5 },
      { leadId: 'out', channel: 'outbound', at: 1 },
      { opportunityId: 'O-out', channel: 'email', at: 5 },
      { opportunityId: 'O-partner', channel: 'partner', at: 2 },
    ];
    const rs = set(
      [],
      [
        opp('O-in', 'in', { sourcedBy: 'ae' }),
        opp('O-out', 'out', { sourcedBy: 'ae' }),
        opp('O-partner', 'none', { sourcedBy: 'ae' }),
        opp('O-mkt', 'in', { sourcedBy: 'marketing' }),
        opp('O-untouched', 'nobody', { sourcedBy: 'ae' }),
      ],
      touches,
    );
    expect(findPassThrough(rs)).toEqual(['O-in', 'O-partner']);
  });
});

describe('skipped stages', () => {
  it('counts each stage a lead passed without recording it; lost implies sqo', () => {
    const leads = [
      lead('a', [
        ['lead', 0],
        ['sql', 1],
        ['sqo', 2],
      ]),
      lead('b', [
        ['lead', 0],
        ['mql', 1],
        ['sal', 2],
        ['sqo', 3],
        ['lost', 4],
      ]),
      lead('c', [
        ['lead', 0],
        ['mql', 1],
        ['disqualified', 2],
      ]),
      lead('d', [
        ['lead', 0],
        ['mql', 1],
        ['sal', 2],
        ['sql', 3],
        ['lost', 4],
      ]),
    ];
    expect(countSkippedStages(leads)).toEqual({ mql: 1, sal: 1, sql: 1, sqo: 1 });
  });
});

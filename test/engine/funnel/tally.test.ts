import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { leadMask } from '../../../src/engine/filters/filters';
import { computeReach } from '../../../src/engine/funnel/reach';
import { tallyByGroup, tallyFunnel } from '../../../src/engine/funnel/tally';
import { groupsFor } from '../../../src/engine/funnel/groups';
import { countReentries } from '../../../src/engine/funnel/reentries';
import { recordSet } from '../../fixtures/records';
import { AS_OF, handReach, row } from './hand-fixture';

describe('stage counts and all-data rates', () => {
  it('counts a lead that reached a later stage as having passed every earlier one (inclusive)', () => {
    const { counts } = tallyFunnel(handReach('inclusive').reach);
    // lead: L1 L2 L3 L4 L5 L8 (bot L6 and future L7 out); mql: + L4 inferred from won; sal: L1, L2
    // (inferred from sql), L4, L5; sql and sqo: L1, L2, L4; won: L1 (opportunity) and L4 (won_at).
    expect(counts).toEqual({ lead: 6, mql: 5, sal: 4, sql: 3, sqo: 3, won: 2, lost: 1, disqualified: 1 });
  });

  it('counts only recorded entries in strict mode, opportunities counting as the SQO and won/lost record', () => {
    const { counts } = tallyFunnel(handReach('strict').reach);
    // mql: L1 L2 L3 L5; sal: L1 L5; sql: L1 L2; sqo: L1 L2; won: L1 (opportunity), L4 (won_at).
    expect(counts).toEqual({ lead: 6, mql: 4, sal: 2, sql: 2, sqo: 2, won: 2, lost: 1, disqualified: 1 });
  });

  it('gives cohort rates over all data, both modes', () => {
    expect(tallyFunnel(handReach('inclusive').reach).rates).toEqual({
      leadToMql: 5 / 6,
      mqlToSal: 4 / 5,
      salToSql: 3 / 4,
      sqlToSqo: 3 / 3,
      mqlToSqo: 3 / 5,
      mqlToWon: 2 / 5,
      sqoToWon: 2 / 3,
      winRate: 2 / (2 + 1),
    });
    // Strict: both entries must be recorded. mql {L1 L2 L3 L5}, sal {L1 L5}, sql {L1 L2}, sqo {L1 L2}, won {L1 L4}.
    expect(tallyFunnel(handReach('strict').reach).rates).toEqual({
      leadToMql: 4 / 6,
      mqlToSal: 2 / 4,
      salToSql: 1 / 2,
      sqlToSqo: 2 / 2,
      mqlToSqo: 2 / 4,
      mqlToWon: 1 / 4,
      sqoToWon: 1 / 2,
      winRate: 2 / 3,
    });
  });

  it('counts skipped stages: L2 skipped sal; L4 skipped mql, sal, sql and sqo', () => {
    const { ds, reach } = handReach();
    expect(tallyFunnel(reach).skipped).toEqual({ mql: 1, sal: 2, sql: 1, sqo: 1 });
    expect(reach.skipped.sal[row(ds, 'L2')]).toBe(1);
    // Same skip counts in strict mode: skipping is a fact of the recorded history.
    expect(tallyFunnel(handReach('strict').reach).skipped).toEqual({ mql: 1, sal: 2, sql: 1, sqo: 1 });
  });

  it('sums opportunity amounts per stage, won counting only won amounts', () => {
    const { amountCents } = tallyFunnel(handReach().reach);
    expect(amountCents.lead).toBe(1_000_000 + 500_000);
    expect(amountCents.sqo).toBe(1_500_000);
    expect(amountCents.won).toBe(1_000_000);
    expect(amountCents.lost).toBe(500_000);
  });

  it('returns null rates (never 0 or NaN) for an empty funnel', () => {
    const ds = buildDataset(recordSet());
    const t = tallyFunnel(computeReach(ds, leadMask(ds, {}), AS_OF));
    expect(t.counts.lead).toBe(0);
    for (const v of Object.values(t.rates)) expect(v).toBeNull();
  });

  it('follows the global filters', () => {
    const { counts } = tallyFunnel(handReach('inclusive', { sources: ['paid'] }).reach);
    // L3 and L5 (the paid bot L6 is excluded).
    expect(counts).toMatchObject({ lead: 2, mql: 2, sal: 1, disqualified: 1, won: 0 });
  });

  it('breaks the funnel down by source with leads without a source under (none)', () => {
    const { ds, reach } = handReach();
    const b = tallyByGroup(reach, groupsFor(ds, 'source')!);
    const by = Object.fromEntries(b.labels.map((l, k) => [l, b.tallies[k]!]));
    expect(Object.keys(by).sort()).toEqual(['(none)', 'paid', 'webinar']);
    expect(by.webinar!.counts).toMatchObject({ lead: 3, mql: 2, sqo: 2, won: 1, lost: 1 });
    expect(by.webinar!.rates.winRate).toBe(1 / 2);
    expect(by.paid!.counts).toMatchObject({ lead: 2, mql: 2, sqo: 0 });
    expect(by.paid!.rates.sqoToWon).toBeNull();
    expect(by['(none)']!.counts).toMatchObject({ lead: 1, won: 1 });
  });

  it('preserves re-staging: L5 entered mql twice', () => {
    const { ds, reach } = handReach();
    expect(countReentries(ds, reach)).toMatchObject({ mql: 1, sal: 0, lead: 0 });
    // The first entry is the one the funnel uses.
    expect(reach.at.mql[row(ds, 'L5')]).toBe(Date.parse('2026-04-02T00:00:00Z'));
  });
});

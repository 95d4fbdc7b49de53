/**
 * An opportunity-only company (no leads file) and a leads-only one (no opportunities file), through
 * the Overview, Funnel and Hygiene view-models and `report --json`: where an input is missing the
 * figure is null with a reason, never 0%, 100% or a default.
 */
import { describe, expect, it } from 'vitest';
import { funnelJson } from '../../src/cli/sections/funnel';
import { hygieneJson } from '../../src/cli/sections/hygiene';
import type { DatasetContext } from '../../src/cli/context';
import { NEEDS } from '../../src/engine/capabilities';
import { buildDataset } from '../../src/engine/model/build-dataset';
import type { RecordSet } from '../../src/engine/model/records';
import { writeCanonicalJson } from '../../src/import/canonical/write';
import { createEngineService } from '../../src/worker/service';
import { lead, ms, opportunity, recordSet } from '../fixtures/records';

/* Opportunities only: 3 won, 1 lost, 2 open; no history, criteria, touches or leads. Win rate 3 ÷ 4. */
function opportunityOnly(): RecordSet {
  const closed = (status: 'won' | 'lost', close: string) => ({ status, closeDate: ms(close), amountCents: 500_000 });
  return recordSet({
    opportunities: [
      opportunity('O1', '2026-01-10', closed('won', '2026-02-10')),
      opportunity('O2', '2026-01-20', closed('won', '2026-03-05')),
      opportunity('O3', '2026-02-01', closed('lost', '2026-03-01')),
      opportunity('O4', '2026-04-02', closed('won', '2026-05-01')),
      opportunity('O5', '2026-04-10'),
      opportunity('O6', '2026-05-10'),
    ],
  });
}

/* Leads only: 4 leads, 2 MQLs, 1 SQL; no opportunity file. */
function leadsOnly(): RecordSet {
  return recordSet({
    leads: [
      lead('L1', '2026-04-01', { mql: '2026-04-05', sql: '2026-04-20' }),
      lead('L2', '2026-04-02', { mql: '2026-04-06' }),
      lead('L3', '2026-04-03'),
      lead('L4', '2026-05-03'),
    ],
  });
}

async function engineWith(rs: RecordSet) {
  const e = createEngineService();
  await e.loadCanonical([{ name: 'data.json', text: writeCanonicalJson(rs) }]);
  return e;
}

function ctx(rs: RecordSet, asOf: string): DatasetContext {
  return {
    records: rs,
    dataset: buildDataset(rs),
    report: { files: [], rowsRead: 0, accepted: 0, repaired: 0, rejected: 0, issues: [], warnings: [] },
    asOf: ms(asOf),
    options: { json: true, flags: {} },
  };
}

const scope = { filters: {}, mode: 'inclusive' as const, asOf: '2026-06-30' };

describe('an opportunity-only company', () => {
  it('Overview: counted on opportunities, win rate 3 ÷ 4 with its closed deals, lead rates null and said', async () => {
    const e = await engineWith(opportunityOnly());
    const o = await e.overview(scope);
    expect(o.basis).toBe('opportunities');
    expect(o.funnel).toMatchObject({ unit: 'opportunities', won: 3, lost: 1, winRate: 0.75 });
    // No stage history: only created and won, which the UI names (no open stage named by the data).
    expect(o.funnel.stages.map((s) => [s.stage, s.label, s.leads])).toEqual([
      ['created', undefined, 6],
      ['won', undefined, 3],
    ]);
    expect(o.rates.winRate).toBe(0.75);
    expect(o.rates.mqlToSqo).toBeNull();
    expect(o.rates.sqoToWon).toBeNull();
    expect(o.gaps).toEqual([
      { figures: 'leadFigures', needs: ['leads'] },
      { figures: 'openStages', needs: ['stageHistory'] },
    ]);
    // 2026-Q2 to date: O4 won; O4, O5, O6 created. The same days of Q1 (all of it): O1, O2 won, O3 lost; O1–O3 created.
    const fig = Object.fromEntries(o.headline.map((f) => [f.key, [f.current, f.previous]]));
    expect(fig).toEqual({ opportunities: [3, 3], won: [1, 2], wonAmount: [500_000, 1_000_000], winRate: [1, 2 / 3] });
    expect(o.headline.map((f) => f.key)).not.toContain('mqls');
  });

  it('Funnel view: empty, and says there is no leads file rather than "clear the filters"', async () => {
    const e = await engineWith(opportunityOnly());
    const vm = await e.funnelView({ ...scope, basis: 'cohort', breakdown: 'source', windowDays: null });
    expect(vm.empty).toEqual({ kind: 'no-leads', opportunities: true });
  });

  it('Hygiene: every detector is not measurable, none flags a deal', async () => {
    const e = await engineWith(opportunityOnly());
    const h = await e.hygiene({
      filters: {},
      rules: (await import('../../src/engine/hygiene/rules')).DEFAULT_HYGIENE_RULES,
    });
    expect(h.detectors.map((d) => [d.key, d.notMeasurable !== null, d.rows.length])).toEqual([
      ['fastTrack', true, 0],
      ['passThrough', true, 0],
      ['restaged', true, 0],
      ['marketing', true, 0],
    ]);
    expect(h.marketingShare.anyTouch).toBeNull();
  });

  it('report --json: rates.winRate is the opportunity win rate; lead counts and rates are null with a reason', () => {
    const c = ctx(opportunityOnly(), '2026-06-30');
    const f = funnelJson(c) as Record<string, unknown> & {
      rates: Record<string, number | null>;
      notMeasurable: Record<string, string>;
    };
    expect(f.basis).toBe('opportunities');
    expect(f.stageCounts).toBeNull();
    expect(f.rates).toEqual({
      leadToMql: null,
      mqlToSal: null,
      salToSql: null,
      sqlToSqo: null,
      mqlToSqo: null,
      mqlToWon: null,
      sqoToWon: null,
      winRate: 0.75,
    });
    expect(f.notMeasurable.leadRates).toBe(`not measurable — needs ${NEEDS.leads}`);
    expect(f.opportunityFunnel).toMatchObject({ source: 'status', open: 2, won: 3, lost: 1, winRate: 0.75 });
    const h = hygieneJson(c).hygiene as Record<string, unknown>;
    expect(h).toMatchObject({
      fastTrack: null,
      passThrough: null,
      restaged: null,
      marketingSourcedShare: { anyTouch: null, firstTouch90d: null },
    });
  });
});

describe('a leads-only company', () => {
  it('Overview: counted on leads; no closed deal gives a null win rate; says opportunities are missing', async () => {
    const e = await engineWith(leadsOnly());
    const o = await e.overview(scope);
    expect(o.basis).toBe('leads');
    // Inclusive: L1's SQL implies SAL.
    expect(o.funnel.stages.slice(0, 4).map((s) => s.leads)).toEqual([4, 2, 1, 1]);
    expect(o.funnel.winRate).toBeNull();
    expect(o.rates.winRate).toBeNull();
    expect(o.gaps).toEqual([{ figures: 'pipeline', needs: ['opportunities'] }]);
  });

  it('Hygiene: every detector needs an opportunities file', async () => {
    const e = await engineWith(leadsOnly());
    const h = await e.hygiene({
      filters: {},
      rules: (await import('../../src/engine/hygiene/rules')).DEFAULT_HYGIENE_RULES,
    });
    for (const d of h.detectors) expect(d.notMeasurable).toContain('opportunities');
  });

  it('report --json: lead rates measured, no opportunity funnel, hygiene null with reasons', () => {
    const c = ctx(leadsOnly(), '2026-06-30');
    const f = funnelJson(c) as Record<string, unknown> & {
      rates: Record<string, number | null>;
      notMeasurable: Record<string, string>;
    };
    expect(f.basis).toBe('leads');
    expect(f.rates).toMatchObject({ leadToMql: 0.5, mqlToSal: 0.5, salToSql: 1, winRate: null, sqoToWon: null });
    expect(f.opportunityFunnel).toBeNull();
    expect(f.notMeasurable.opportunityFunnel).toBe(`not measurable — needs ${NEEDS.opportunities}`);
    const h = hygieneJson(c).hygiene as { fastTrack: unknown; notMeasurable: Record<string, string> };
    expect(h.fastTrack).toBeNull();
    expect(h.notMeasurable.restaged).toContain(NEEDS.opportunities);
  });
});

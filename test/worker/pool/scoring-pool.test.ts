import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeScoringPool } from '../../../scripts/node-pool';
import { generateDemoCompany } from '../../../src/demo/generate';
import { leadMask } from '../../../src/engine/filters/filters';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import type { Dataset } from '../../../src/engine/model/columns';
import type { RecordSet } from '../../../src/engine/model/records';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import { compileIntent } from '../../../src/engine/scoring/intent';
import {
  cachedIntentScores,
  computeIntentSums,
  hasIntentSums,
  intentFromSums,
  intentSums,
} from '../../../src/engine/scoring/intent-sums';
import { leadOutcomes } from '../../../src/engine/scoring/outcomes';
import { passesMql, qualificationFlags } from '../../../src/engine/scoring/qualification';
import type { FitRule, RuleSet } from '../../../src/engine/scoring/rules';
import { clampRuleSet } from '../../../src/engine/scoring/validate';
import { compileRules, scoreLeads } from '../../../src/engine/scoring/score';
import type { WhatIfContext } from '../../../src/engine/scoring/what-if';
import {
  deriveWhatIf,
  prepareWhatIf,
  updateWhatIf,
  whatIfPass,
  whatIfPassOfIntent,
  type WhatIfPass,
} from '../../../src/engine/scoring/what-if-prepare';
import { DAY_MS } from '../../../src/engine/time';
import { scoringHandlers } from '../../../src/worker/handlers/scoring';
import { splitByActivities, type ScoringPool } from '../../../src/worker/pool/scoring-pool';
import { createState } from '../../../src/worker/state';

/** A demo company with a custom lead column (text) and a custom account column (numbers). */
function company(): RecordSet {
  const { records } = generateDemoCompany({ leads: 400, seed: 17 });
  const plans = ['free', 'Pro', 'enterprise', ''];
  return {
    ...records,
    leads: records.leads.map((l, i) => ({ ...l, custom: { ...l.custom, plan: plans[i % 4]! } })),
    accounts: records.accounts.map((a, i) => ({ ...a, custom: { ...a.custom, seats: String((i * 37) % 500) } })),
  };
}

const records = company();
const base = buildDataset(records);
/** A dataset object of its own per engine, so no engine reads another's caches. */
const copy = (): Dataset => ({ ...base });
const pool = createNodeScoringPool(2);
afterAll(() => pool.close());

/** Fit rules drawn over lead, account and custom attributes, negative points included. */
const fitRule = fc.oneof(
  fc
    .record({
      attribute: fc.constantFrom(
        'lead.persona',
        'lead.seniority',
        'lead.source',
        'lead.custom.plan',
        'account.industry',
        'account.region',
      ),
      value: fc.constantFrom('Sales Leader', 'VP', 'web', 'pro', 'FREE', 'Software', 'na', 'x'),
    })
    .map(({ attribute, value }) => ({ attribute, op: 'equals' as const, value })),
  fc
    .record({
      attribute: fc.constantFrom('lead.custom.plan', 'lead.persona', 'account.industry'),
      values: fc.subarray(['enterprise', 'free', 'RevOps', 'Student', 'Fintech', 'Retail']),
    })
    .map(({ attribute, values }) => ({ attribute, op: 'in' as const, values })),
  fc
    .record({
      attribute: fc.constantFrom('account.custom.seats', 'account.employees'),
      min: fc.integer({ min: 0, max: 400 }),
      span: fc.integer({ min: 1, max: 3000 }),
    })
    .map(({ attribute, min, span }) => ({ attribute, op: 'range' as const, min, max: min + span })),
  fc
    .constantFrom('.edu', 'gmail', 'acme', 'ent')
    .map((value) => ({ attribute: 'lead.emailDomain', op: 'contains' as const, value })),
  fc
    .constantFrom('lead.custom.plan', 'account.custom.seats', 'account.industry', 'lead.seniority')
    .map((attribute) => ({ attribute, op: 'empty' as const })),
  fc.constant({ attribute: '', op: 'always' as const }),
);

const ruleSet = fc
  .record({
    fit: fc.array(fc.tuple(fitRule, fc.integer({ min: -50, max: 50 })), { minLength: 1, maxLength: 8 }),
    activities: fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 100 })), {
      minLength: DEFAULT_RULE_SET.activities.length,
      maxLength: DEFAULT_RULE_SET.activities.length,
    }),
    halfLifeDays: fc.integer({ min: 1, max: 365 }),
    minFit: fc.integer({ min: 0, max: 100 }),
    minIntent: fc.integer({ min: 0, max: 100 }),
    single: fc.boolean(),
  })
  .map(({ fit, activities, halfLifeDays, minFit, minIntent, single }): RuleSet =>
    clampRuleSet({
      ...DEFAULT_RULE_SET,
      fitRules: fit.map(([m, points], k) => ({ id: `r${k}`, label: `r${k}`, points, ...m }) as FitRule),
      activities: DEFAULT_RULE_SET.activities.map((a, k) => ({
        ...a,
        points: activities[k]![0],
        cap: activities[k]![1],
      })),
      halfLifeDays,
      qualification: {
        ...DEFAULT_RULE_SET.qualification,
        mqlMode: single ? 'single-score' : 'two-score',
        mqlMinFit: minFit,
        mqlMinIntent: minIntent,
        mqlMinCombined: minFit,
      },
    }),
  );

const lower = (s: string) => s.trim().toLowerCase();

/** The fit rule read the plain way, from the lead's own record. */
function matches(r: FitRule, lead: RecordSet['leads'][number]): boolean {
  if (r.op === 'always') return true;
  const account = records.accounts.find((a) => a.id === lead.accountId);
  const [table, ...path] = r.attribute.split('.');
  let raw: string | number | undefined;
  if (path[0] === 'custom') raw = (table === 'lead' ? lead.custom : account?.custom)?.[path[1]!];
  else if (path[0] === 'emailDomain')
    raw = lead.email?.includes('@') ? lead.email.slice(lead.email.lastIndexOf('@') + 1) : undefined;
  else
    raw = ((table === 'lead' ? lead : account) as Record<string, string | number | undefined> | undefined)?.[path[0]!];
  const missing = raw === undefined || String(raw).trim() === '';
  if (r.op === 'empty' || missing) return r.op === 'empty' && missing;
  switch (r.op) {
    case 'equals':
      return lower(String(raw)) === lower(r.value);
    case 'in':
      return r.values.some((v) => lower(v) === lower(String(raw)));
    case 'contains':
      return lower(String(raw)).includes(lower(r.value));
    case 'range':
      return Number(raw) >= (r.min ?? -Infinity) && Number(raw) < (r.max ?? Infinity);
  }
}

/** Scores of one lead the plain way: its matched rules' points, its activities one by one. */
function reference(rules: RuleSet, i: number, t0: number): { fit: number; intent: number } {
  const lead = records.leads.find((l) => l.id === base.leads.id[i])!;
  const fit = rules.fitRules.reduce((s, r) => s + (matches(r, lead) ? r.points : 0), 0);
  const sums = new Map<string, number>();
  for (const a of records.activities) {
    if (a.leadId !== lead.id || a.at > t0) continue;
    sums.set(a.type, (sums.get(a.type) ?? 0) + 0.5 ** ((t0 - a.at) / DAY_MS / rules.halfLifeDays));
  }
  let intent = 0;
  for (const r of rules.activities) intent += Math.max(-r.cap, Math.min(r.cap, r.points * (sums.get(r.type) ?? 0)));
  return { fit: Math.min(100, Math.max(0, fit)), intent: Math.min(100, Math.max(0, intent)) };
}

describe('scoring on the worker pool', () => {
  it('splits leads into contiguous ranges of about equal activity, covering every lead once', () => {
    const start = Int32Array.from([0, 10, 10, 11, 30, 31, 40]);
    // 40 activities: the second range starts at the first lead whose activities start at or after 20.
    expect(splitByActivities(start, 2)).toEqual([
      [0, 4],
      [4, 6],
    ]);
    expect(splitByActivities(Int32Array.from([0, 0]), 3)).toEqual([
      [0, 0],
      [0, 0],
      [0, 1],
    ]);
  });

  it('computes the decayed sums on two threads bit-identical to one thread', async () => {
    const ds = copy();
    const out = leadOutcomes(ds, { asOf: ds.meta.latestAt, maturityDays: 180, scoringWindowDays: 30 });
    for (const cutoff of [undefined, out.cutoff]) {
      // The first half-life's sums are computed by the workers in parts, each then copied by its
      // worker into the joined arrays (shared); the next ones, laid out as the first (the same
      // instants), are written by the workers into one shared array. Either way the workers also
      // compute the leads' intent scores under the points and caps given.
      for (const halfLife of [17, 23, 1]) {
        const c = compileIntent(ds, DEFAULT_RULE_SET.activities, halfLife);
        await pool.prime(ds, halfLife, ds.meta.latestAt, cutoff, c);
        const pooled = intentSums(ds, halfLife, ds.meta.latestAt, cutoff);
        const single = computeIntentSums(ds, halfLife, ds.meta.latestAt, cutoff);
        expect(pooled.sum.buffer instanceof SharedArrayBuffer).toBe(true);
        const scores = cachedIntentScores(pooled, c.points, c.caps);
        expect(scores).toBeDefined();
        const plainScores = intentFromSums(single, c.points, c.caps, new Float32Array(ds.leads.count));
        expect(Array.from(scores!)).toEqual(Array.from(plainScores));
        // Scoring the leads reads these scores in place (no second copy is kept).
        const compiled = compileRules(ds, { ...DEFAULT_RULE_SET, halfLifeDays: halfLife });
        expect(scoreLeads(ds, compiled, { asOf: ds.meta.latestAt, cutoff }).intent).toBe(scores);
        expect(
          cachedIntentScores(
            pooled,
            c.points.map((p) => p + 1),
            c.caps,
          ),
        ).toBeUndefined();
        expect(Array.from(pooled.start)).toEqual(Array.from(single.start));
        expect(Array.from(pooled.type)).toEqual(Array.from(single.type));
        expect(Array.from(pooled.sum)).toEqual(Array.from(single.sum));
        expect(Array.from(pooled.leadsOfType)).toEqual(Array.from(single.leadsOfType));
      }
    }
  });

  it('computes the SQL activity flags with the sums, equal to the flags of one thread', async () => {
    const ds = copy();
    const asOf = ds.meta.latestAt;
    const q = DEFAULT_RULE_SET.qualification;
    const out = leadOutcomes(ds, { asOf, maturityDays: 180, scoringWindowDays: 30 });
    const c = compileIntent(ds, DEFAULT_RULE_SET.activities, 30);
    await pool.prime(ds, 30, asOf, out.cutoff, c, q.sqlActivity);
    const pooled = qualificationFlags(ds, q, out.opportunity, asOf);
    // Read from the pool's shared array, not computed again here.
    expect(pooled.sqlActivity.buffer instanceof SharedArrayBuffer).toBe(true);
    const other = copy();
    const single = qualificationFlags(
      other,
      q,
      leadOutcomes(other, { asOf, maturityDays: 180, scoringWindowDays: 30 }).opportunity,
      asOf,
    );
    expect(single.sqlActivity.buffer instanceof SharedArrayBuffer).toBe(false);
    expect(Array.from(pooled.sqlActivity)).toEqual(Array.from(single.sqlActivity));
    expect(Array.from(pooled.criteriaMet)).toEqual(Array.from(single.criteriaMet));
    expect(pooled.sqlActivity.some((x) => x === 1)).toBe(true);
  });

  it("computes a moved half-life's sums and what-if pass in one round, equal to one thread", async () => {
    const ds = copy();
    const asOf = ds.meta.latestAt;
    const scope = leadMask(base, {});
    const rules = (halfLifeDays: number) => clampRuleSet({ ...DEFAULT_RULE_SET, halfLifeDays });
    const { cutoff } = leadOutcomes(ds, { asOf, maturityDays: 180, scoringWindowDays: 30 });
    const sharedScores = (n: number) => new Float32Array(new SharedArrayBuffer(n * 4));
    const run = (r: RuleSet) => {
      let made: ReturnType<typeof whatIfPassOfIntent> | null = null;
      const c = compileIntent(ds, r.activities, r.halfLifeDays);
      const counts = pool.primeWithPass(ds, r.halfLifeDays, asOf, cutoff, c, (scores) => {
        made = whatIfPassOfIntent(ds, r, scope, asOf, scores, sharedScores);
        return made;
      });
      return counts.then((k) => (k && made ? (made as WhatIfPass).finish(k) : null));
    };
    // No sums of these instants laid out yet: nothing is computed.
    expect(await run(rules(12))).toBeNull();
    expect(hasIntentSums(ds, 12, asOf, cutoff)).toBe(false);
    await pool.prime(ds, 12, asOf, cutoff);
    for (const h of [13, 40, 2]) {
      const got = (await run(rules(h)))!;
      const want = prepareWhatIf(copy(), rules(h), scope, asOf);
      expect(Array.from(got.fit)).toEqual(Array.from(want.fit));
      expect(Array.from(got.intent)).toEqual(Array.from(want.intent));
      expect(Array.from(got.index.twoScore)).toEqual(Array.from(want.index.twoScore));
      expect(Array.from(got.index.single)).toEqual(Array.from(want.index.single));
      expect(Array.from(got.totals)).toEqual(Array.from(want.totals));
      // The sums are cached as `prime` caches them: nothing is left to compute.
      expect(hasIntentSums(ds, h, asOf, cutoff)).toBe(true);
      expect(await run(rules(h))).toBeNull();
    }
  });

  it('a moved half-life has the pool compute the sums of the draft alone, the applied context being cached', async () => {
    const computed: number[] = [];
    /** Half-lives whose sums came with the what-if pass, in one round of the workers. */
    const withPass: number[] = [];
    const counting: ScoringPool = {
      ...pool,
      prime(ds, halfLifeDays, asOf, cutoff, intent, sql) {
        if (!hasIntentSums(ds, halfLifeDays, asOf, cutoff)) computed.push(halfLifeDays);
        return pool.prime(ds, halfLifeDays, asOf, cutoff, intent, sql);
      },
      async primeWithPass(ds, halfLifeDays, asOf, cutoff, intent, passOf) {
        const known = hasIntentSums(ds, halfLifeDays, asOf, cutoff);
        const counts = await pool.primeWithPass(ds, halfLifeDays, asOf, cutoff, intent, passOf);
        if (!known) computed.push(halfLifeDays);
        if (counts) withPass.push(halfLifeDays);
        return counts;
      },
    };
    const pooledDs = copy();
    const singleDs = copy();
    const pooled = scoringHandlers({ ...createState(), dataset: pooledDs }, counting);
    const single = scoringHandlers({ ...createState(), dataset: singleDs }, null);
    const scope = leadMask(base, {});
    const input = (halfLifeDays: number) => ({
      filters: {},
      draft: { ...DEFAULT_RULE_SET, halfLifeDays },
      applied: DEFAULT_RULE_SET,
    });
    await pooled.whatIf(input(DEFAULT_RULE_SET.halfLifeDays));
    computed.length = 0;
    for (let h = 20; h < 26; h++) {
      expect(await pooled.whatIf(input(h))).toEqual(await single.whatIf(input(h)));
      // The scores from the sums (and the intent scores) the pool computed, bit for bit.
      const a = prepareWhatIf(pooledDs, input(h).draft, scope, base.meta.latestAt);
      const b = prepareWhatIf(singleDs, input(h).draft, scope, base.meta.latestAt);
      expect(Array.from(a.intent)).toEqual(Array.from(b.intent));
      expect(Array.from(a.fit)).toEqual(Array.from(b.fit));
    }
    expect(computed).toEqual([20, 21, 22, 23, 24, 25]);
    expect(withPass).toEqual([20, 21, 22, 23, 24, 25]);
  });

  it('pooled engine = single-thread engine = plain per-lead reference, for random rule sets', async () => {
    await fc.assert(
      fc.asyncProperty(ruleSet, async (rules) => {
        const pooledDs = copy();
        const singleDs = copy();
        const input = { filters: {}, draft: rules, applied: DEFAULT_RULE_SET };
        const pooled = await scoringHandlers({ ...createState(), dataset: pooledDs }, pool).whatIf(input);
        const single = await scoringHandlers({ ...createState(), dataset: singleDs }, null).whatIf(input);
        expect(pooled).toEqual(single);

        // Per lead: the pooled context's scores (sums primed by the pool) equal the single thread's
        // bit for bit, and the reference's (fit exactly; intent to float32 precision).
        const asOf = base.meta.latestAt;
        // The what-if handler's population: the leads of the (empty) filters.
        const scope = leadMask(base, {});
        const a = prepareWhatIf(pooledDs, rules, scope, asOf);
        const b = prepareWhatIf(singleDs, rules, scope, asOf);
        expect(Array.from(a.fit)).toEqual(Array.from(b.fit));
        expect(Array.from(a.intent)).toEqual(Array.from(b.intent));
        let mql = 0;
        let nearEdge = 0;
        for (let i = 0; i < base.leads.count; i++) {
          const ref = reference(rules, i, Math.min(asOf, a.outcomes.cutoff[i]!));
          expect(a.fit[i]).toBe(ref.fit);
          expect(Math.abs(a.intent[i]! - ref.intent)).toBeLessThan(1e-4);
          if (!a.mask[i]) continue;
          const q = rules.qualification;
          if (passesMql(ref.fit, ref.intent, q)) mql++;
          const edge =
            q.mqlMode === 'single-score'
              ? q.fitWeight * ref.fit + (1 - q.fitWeight) * ref.intent - q.mqlMinCombined
              : ref.intent - q.mqlMinIntent;
          if (Math.abs(edge) < 1e-4) nearEdge++;
        }
        expect(Math.abs(pooled.draft.mql - mql)).toBeLessThanOrEqual(nearEdge);
      }),
      { numRuns: 15 },
    );
  }, 180_000);

  it('a what-if pass split over the workers equals the pass on one thread, from scratch and derived from a cached context', async () => {
    const ds = copy();
    const asOf = base.meta.latestAt;
    const scope = leadMask(base, {});
    const sharedScores = (n: number) => new Float32Array(new SharedArrayBuffer(n * 4));
    const same = (a: WhatIfContext, b: WhatIfContext) => {
      expect(Array.from(a.fit)).toEqual(Array.from(b.fit));
      expect(Array.from(a.intent)).toEqual(Array.from(b.intent));
      expect(Array.from(a.index.twoScore)).toEqual(Array.from(b.index.twoScore));
      expect(Array.from(a.index.single)).toEqual(Array.from(b.index.single));
      expect(Array.from(a.totals)).toEqual(Array.from(b.totals));
    };
    await fc.assert(
      fc.asyncProperty(
        ruleSet,
        fc.integer({ min: 0, max: DEFAULT_RULE_SET.activities.length - 1 }),
        fc.integer({ min: -50, max: 100 }),
        fc.integer({ min: -50, max: 50 }),
        async (rules, type, points, fitPoints) => {
          const pass = whatIfPass(ds, rules, scope, asOf, sharedScores);
          const pooled = pass.finish(await pool.rescore(pass.task, pass.leads, pass.tally));
          const single = prepareWhatIf(ds, rules, scope, asOf);
          same(pooled, single);
          // One activity type's points, or every fit rule's points, moved.
          const byType = clampRuleSet({
            ...rules,
            activities: rules.activities.map((a, k) => (k === type ? { ...a, points } : a)),
          });
          const byFit = clampRuleSet({ ...rules, fitRules: rules.fitRules.map((f) => ({ ...f, points: fitPoints })) });
          for (const next of [byType, byFit]) {
            const derived = deriveWhatIf(ds, pooled, rules, next, asOf, sharedScores);
            expect(derived).not.toBeNull();
            const got =
              derived && 'pass' in derived
                ? derived.pass.finish(await pool.rescore(derived.pass.task, derived.pass.leads, derived.pass.tally))
                : derived!.ctx;
            same(got, updateWhatIf(ds, single, rules, next, asOf)!);
            same(got, prepareWhatIf(ds, next, scope, asOf));
          }
        },
      ),
      { numRuns: 20 },
    );
  }, 180_000);

  it('the handlers on the pool give the figures of one thread along dragged weight sliders', async () => {
    const pooled = scoringHandlers({ ...createState(), dataset: copy() }, pool);
    const single = scoringHandlers({ ...createState(), dataset: copy() }, null);
    const applied = DEFAULT_RULE_SET;
    const steps: RuleSet[] = [];
    for (let s = 0; s < 4; s++) {
      steps.push({
        ...applied,
        activities: applied.activities.map((a) => (a.type === 'page_view' ? { ...a, points: 2 + s } : a)),
      });
      steps.push({ ...applied, fitRules: applied.fitRules.map((f, k) => (k === 5 ? { ...f, points: 16 + s } : f)) });
      steps.push({
        ...applied,
        activities: applied.activities.map((a, k) => (k === 1 ? { ...a, points: a.points + s + 1 } : a)),
        fitRules: applied.fitRules.map((f, k) => (k === 0 ? { ...f, points: f.points - s - 1 } : f)),
      });
    }
    for (const draft of steps) {
      const input = { filters: {}, draft, applied };
      expect(await pooled.whatIf(input)).toEqual(await single.whatIf(input));
      const changes = { filters: {}, rules: draft, limit: 25 };
      expect(await pooled.statusChanges(changes)).toEqual(await single.statusChanges(changes));
    }
  }, 60_000);
});

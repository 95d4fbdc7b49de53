/** The growing column stores leads and activities are read into, checked by hand. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { withCurrencyRate } from '../../src/engine/model/currency';
import { GrowingArray } from '../../src/engine/model/grow';
import { leadCount, type LeadRecord, type RecordSet } from '../../src/engine/model/records';
import { LeadStore } from '../../src/engine/model/lead-store';
import { ActivityStore, TouchStore } from '../../src/engine/model/row-stores';
import { ACTIVITY_TYPES } from '../../src/engine/model/stages';
import { importFiles } from '../../src/import/pipeline';

const DAY = 86_400_000;
const lead = (id: string, createdAt: number, more: Partial<LeadRecord> = {}): LeadRecord => ({
  id,
  createdAt,
  isBot: false,
  stageHistory: [{ stage: 'lead', at: createdAt }],
  custom: {},
  ...more,
});

describe('GrowingArray', () => {
  it('keeps every value past its first capacity, and new slots hold the fill value', () => {
    const a = new GrowingArray(Float64Array, NaN, 2);
    for (let i = 0; i < 5; i++) a.push(i * 10);
    a.resize(7);
    expect(Array.from(a.done())).toEqual([0, 10, 20, 30, 40, NaN, NaN]);
  });

  it('gives the same values whatever rows it was sized for (none, fewer, exactly, more)', () => {
    for (const capacity of [undefined, 0, 1, 3, 5, 9]) {
      const a = new GrowingArray(Int32Array, -1, capacity);
      for (let i = 0; i < 5; i++) a.push(i);
      expect(Array.from(a.done())).toEqual([0, 1, 2, 3, 4]);
    }
  });
});

describe('LeadStore', () => {
  const leads = [
    lead('L1', 0, {
      source: 'web',
      accountId: 'A2',
      custom: { size: '12', tier: 'gold' },
      stageHistory: [
        { stage: 'lead', at: 0 },
        { stage: 'mql', at: 2 * DAY },
        { stage: 'mql', at: 5 * DAY },
      ],
    }),
    lead('L2', DAY, { source: 'paid', custom: { size: ' ', tier: 'silver' } }),
    lead('L3', 2 * DAY, { source: 'web', accountId: 'A9', isBot: true, custom: { size: '3.5', note: 'x' } }),
  ];
  const store = LeadStore.from(leads);
  const cols = store.columns(
    new Map([
      ['A1', 0],
      ['A2', 1],
    ]),
  );

  it('encodes text as dictionaries in order of appearance and resolves accounts to rows (-1 unknown or none)', () => {
    expect(cols.count).toBe(3);
    expect(cols.source.values).toEqual(['web', 'paid']);
    expect(Array.from(cols.source.codes)).toEqual([0, 1, 0]);
    expect(Array.from(cols.account)).toEqual([1, -1, -1]);
    expect(Array.from(cols.isBot)).toEqual([0, 0, 1]);
    expect(Array.from(cols.email.codes)).toEqual([-1, -1, -1]);
  });

  it('keeps the stage history as CSR and the first entry into each stage', () => {
    expect(Array.from(cols.events.start)).toEqual([0, 3, 4, 5]);
    expect(Array.from(cols.stageAt.mql)).toEqual([2 * DAY, NaN, NaN]);
  });

  it('makes a custom column numeric when every present value is a number; a blank value is missing', () => {
    expect(cols.custom['size']).toEqual({ kind: 'num', values: new Float64Array([12, NaN, 3.5]) });
    expect(cols.custom['tier']).toEqual({
      kind: 'dict',
      codes: new Int32Array([0, 1, -1]),
      values: ['gold', 'silver'],
    });
    expect(Object.keys(cols.custom)).toEqual(['size', 'tier', 'note']);
  });

  it('gives the records back as they were appended, and the same columns when asked again', () => {
    expect(store.toRecords()).toEqual(leads);
    expect(store.columns(new Map())).toMatchObject({ createdAt: cols.createdAt, custom: cols.custom });
    expect(() => store.append(lead('L4', 0))).toThrow(/finished/);
  });
});

describe('ActivityStore', () => {
  it('indexes activities by lead, sorted by time within a lead, known types first in the type names', () => {
    const s = new ActivityStore();
    s.append(1, 'webinar', 30, undefined);
    s.append(0, 'tradeshow', 20, 2);
    s.append(1, 'email_open', 10, undefined);
    s.append(-1, 'call', 5, undefined);
    const a = s.columns(2);
    expect(Array.from(a.start)).toEqual([0, 1, 3]);
    expect(Array.from(a.at)).toEqual([20, 10, 30]);
    expect(Array.from(a.value)).toEqual([2, NaN, NaN]);
    // Unknown types take the codes after the known ones, in the order the index meets them (lead
    // by lead), not the order of the file (webinar came first there).
    expect(a.typeNames.slice(0, ACTIVITY_TYPES.length)).toEqual([...ACTIVITY_TYPES]);
    expect(a.typeNames.slice(ACTIVITY_TYPES.length)).toEqual(['tradeshow', 'webinar']);
    expect(a.typeNames[a.type[0]!]).toBe('tradeshow');
    expect(a.typeNames[a.type[2]!]).toBe('webinar');
    expect(s.toRecords(['L1', 'L2']).map((r) => r.leadId)).toEqual(['L2', 'L1', 'L2', '']);
  });

  it('keeps the values in 32-bit floats when every one is exactly one, else in 64-bit, reading back the same', () => {
    const column = (values: (number | undefined)[]) => {
      const s = new ActivityStore();
      values.forEach((v, k) => s.append(0, 'call', k, v));
      return s.columns(1).value;
    };
    const whole = [3, undefined, 0, -0, 16_777_216, 0.5];
    expect(column(whole)).toBeInstanceOf(Float32Array);
    expect(Array.from(column(whole))).toEqual([3, NaN, 0, -0, 16_777_216, 0.5]);
    for (const v of [0.1, 16_777_217, 1e40]) {
      const a = column([1, v]);
      expect(a).toBeInstanceOf(Float64Array);
      expect(Array.from(a)).toEqual([1, v]);
    }
  });
});

describe('stores sized for the rows expected', () => {
  it('give the same columns as stores that grow from their first capacity', () => {
    const leads = [lead('L1', 0, { email: 'a@x.com', source: 'web' }), lead('L2', DAY, { accountId: 'A1' })];
    for (const rows of [0, 1, 2, 7]) {
      const sized = new LeadStore(rows);
      const grown = new LeadStore();
      for (const l of leads) {
        sized.append(l);
        grown.append(l);
      }
      expect(sized.columns(new Map([['A1', 0]]))).toEqual(grown.columns(new Map([['A1', 0]])));
      const activities = [new ActivityStore(rows), new ActivityStore()];
      const touches = [new TouchStore(rows), new TouchStore()];
      for (const a of activities) for (let i = 0; i < 3; i++) a.append(i % 2, 'email_open', i * DAY, i);
      for (const t of touches) for (let i = 0; i < 3; i++) t.append(-1, i % 2, 'web', i * DAY);
      expect(activities[0]!.columns(2)).toEqual(activities[1]!.columns(2));
      expect(touches[0]!.columns(2, 0)).toEqual(touches[1]!.columns(2, 0));
    }
  });
});

describe('ActivityStore after its columns are built', () => {
  type Row = [lead: number, type: string, at: number, value: number | undefined];
  const rowArb = (leads: number, types: readonly string[]) =>
    fc.tuple(
      fc.integer({ min: 0, max: leads - 1 }),
      fc.constantFrom(...types),
      fc.integer({ min: 0, max: 20 }), // ties on purpose: the order within a lead must hold
      fc.option(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true })), { nil: undefined }),
    );
  const storeOf = (rows: readonly Row[]) => {
    const s = new ActivityStore();
    for (const r of rows) s.append(...r);
    return s;
  };

  it('makes the same records, in the order appended, as a store that never built them', () => {
    const types = ['call', 'email_open', 'webinar', 'tradeshow', ''];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.array(rowArb(n, types)))),
        ([n, rows]) => {
          const ids = Array.from({ length: n }, (_, i) => `L${i}`);
          const built = storeOf(rows);
          const columns = built.columns(n);
          expect(built.toRecords(ids)).toEqual(storeOf(rows).toRecords(ids));
          expect(built.count).toBe(rows.length);
          // Every dataset built from the store shares its columns; another lead count is built anew.
          expect(built.columns(n)).toBe(columns);
          expect(built.columns(n + 1)).toEqual(storeOf(rows).columns(n + 1));
          expect(built.toRecords(ids)).toEqual(storeOf(rows).toRecords(ids));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps its own columns when more than 256 types share the last type code', () => {
    const rows: Row[] = Array.from({ length: 300 }, (_, k) => [k % 2, `type ${k}`, k, k]);
    const s = storeOf(rows);
    expect(s.columns(2).type.length).toBe(300);
    expect(s.toRecords(['A', 'B'])).toEqual(storeOf(rows).toRecords(['A', 'B']));
  });
});

describe('a streamed import as a record set', () => {
  const enc = new TextEncoder();
  const files = [
    { name: 'leads.csv', bytes: enc.encode('id,created_at,source\nL1,2026-01-05,web\nL2,2026-01-06,paid\n') },
    { name: 'activities.csv', bytes: enc.encode('lead_id,type,at\nL2,call,2026-01-07\nL1,call,2026-01-08\n') },
    {
      name: 'opportunities.csv',
      bytes: enc.encode('id,lead_id,created_at,amount,currency,status\nO1,L1,2026-01-09,100,EUR,open\n'),
    },
  ];

  it('counts its leads from the columns, and a rate change keeps the columns and rebuilds the same figures', () => {
    const { records } = importFiles(files, { now: Date.UTC(2026, 5, 1) });
    expect(records.streamed?.leads?.count).toBe(2);
    expect(leadCount(records)).toBe(2);
    const before = buildDataset(records);
    const converted = withCurrencyRate(records, 'EUR', 2);
    expect(converted.streamed).toBe(records.streamed);
    const after = buildDataset(converted);
    expect(after.leads).toEqual(before.leads);
    expect(after.activities).toEqual(before.activities);
    expect(Array.from(after.opportunities.amountCents)).toEqual([20000]);
    expect(converted.leads.map((l) => l.id)).toEqual(['L1', 'L2']);
  });
});

describe('a record set with streamed tables', () => {
  it('is built from the streamed stores, told apart by their table field, not from its row arrays', () => {
    const leads = LeadStore.from([lead('L1', 0), lead('L2', DAY), lead('L3', 2 * DAY)]);
    const activities = new ActivityStore();
    activities.append(2, 'call', 3 * DAY, undefined);
    const touches = new TouchStore();
    touches.append(-1, 1, 'webinar', 4 * DAY);
    touches.append(-1, 0, 'email', 5 * DAY);
    expect([leads.table, activities.table, touches.table]).toEqual(['leads', 'activities', 'touches']);
    const rs: RecordSet = {
      name: 'streamed',
      plan: { currency: 'USD', fiscalYearStartMonth: 1, quotas: [] },
      accounts: [],
      leads: [],
      activities: [],
      opportunities: [],
      touches: [],
      streamed: { leads, activities, touches },
    };
    const d = buildDataset(rs);
    // 3 leads, 1 activity and 2 touches from the stores; the row arrays are empty.
    expect(d.leads.count).toBe(3);
    expect(d.activities.count).toBe(1);
    expect(Array.from(d.activities.start)).toEqual([0, 0, 0, 1]);
    expect(d.touches.count).toBe(2);
  });
});

describe('TouchStore', () => {
  it('orders touches by time, equal instants in the order appended, as a stable sort by time does', () => {
    const instant = fc.oneof(
      fc.integer({ min: 0, max: 6 }).map((d) => d * DAY),
      fc.constantFrom(NaN, -0, 0, Infinity, -Infinity, -DAY),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, fc.integer({ min: 0, max: 2 })), { maxLength: 40 }), (rows) => {
        const s = new TouchStore();
        rows.forEach(([at, lead], k) => s.append(k, lead, `c${k % 3}`, at));
        const c = s.columns(3, rows.length);
        const expected = rows.map((_, k) => k).sort((x, y) => rows[x]![0] - rows[y]![0]);
        // Touch k was appended with opportunity k: the opportunity index gives each position's touch.
        const appended = new Array<number>(rows.length);
        for (let o = 0; o < rows.length; o++) appended[c.byOpportunity.index[c.byOpportunity.start[o]!]!] = o;
        expect(appended).toEqual(expected);
        expect(Array.from(c.at)).toEqual(expected.map((k) => rows[k]![0]));
      }),
    );
  });
});

describe('ActivityStore columns', () => {
  it('are each lead’s activities in time order (equal or unordered instants as appended), whether or not the file was in that order', () => {
    const instant = fc.oneof(
      fc.integer({ min: 0, max: 4 }).map((d) => d * DAY),
      fc.constant(NaN),
    );
    const row = fc.tuple(fc.integer({ min: -1, max: 3 }), instant, fc.constantFrom('email_open', 'webinar'));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.boolean(), (rows, grouped) => {
        // Half the cases in the order a file written lead by lead has (the order the columns take).
        const input = grouped
          ? [...rows].filter(([lead]) => lead >= 0).sort((x, y) => x[0] - y[0] || x[1] - y[1] || 0)
          : rows;
        const s = new ActivityStore();
        for (const [lead, at, type] of input) s.append(lead, type, at, lead);
        const c = s.columns(4);
        for (let p = 0; p < 4; p++) {
          const own = input.filter(([lead]) => lead === p).map(([, at, type]) => [at, type] as const);
          const sorted = own.every((x, k) => k === 0 || x[0] >= own[k - 1]![0]);
          const expected = sorted ? own : [...own].sort((x, y) => x[0] - y[0]);
          const got = [];
          for (let k = c.start[p]!; k < c.start[p + 1]!; k++) got.push([c.at[k]!, c.typeNames[c.type[k]!]!] as const);
          expect(got).toEqual(expected);
        }
        // The records again, as a store whose columns were never built gives them, and the columns
        // for another lead count from the built ones.
        const fresh = () => {
          const t = new ActivityStore();
          for (const [lead, at, type] of input) t.append(lead, type, at, lead);
          return t;
        };
        const ids = ['L0', 'L1', 'L2', 'L3'];
        expect(s.toRecords(ids)).toEqual(fresh().toRecords(ids));
        expect(s.columns(5)).toEqual(fresh().columns(5));
      }),
    );
  });
});

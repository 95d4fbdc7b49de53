/**
 * Coding cells from their bytes: a BytesTable numbers byte strings as a Map of their text would, a
 * BytesCodes gives a dictionary the codes its text would get, and a lead appended from columns
 * (`appendPlain`) is the lead appended as a record.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BytesCodes, BytesTable, GrowingDict, IdIndex } from '../../src/engine/model/grow';
import type { LeadRecord, StageEvent } from '../../src/engine/model/records';
import { DATED_STAGES, LEAD_TEXT_FIELDS, LeadStore } from '../../src/engine/model/lead-store';
import { historyFromStageDates } from '../../src/import/canonical/read-leads';

const enc = new TextEncoder();

/** The cells as one buffer with their ranges (a file's bytes). */
function cellsOf(texts: readonly string[]): { bytes: Uint8Array; at: [number, number][] } {
  const parts = texts.map((t) => enc.encode(t));
  const bytes = new Uint8Array(parts.reduce((s, p) => s + p.length + 1, 0));
  const at: [number, number][] = [];
  let pos = 0;
  for (const p of parts) {
    bytes.set(p, pos);
    at.push([pos, pos + p.length]);
    pos += p.length + 1;
  }
  return { bytes, at };
}

// Few distinct values (codes remembered) and many (the table grows past its first slots and stops).
const cellText = fc.oneof(
  fc.constantFrom('email_open', 'web_visit', 'é', 'a', 'ab', 'ba', ' x '),
  fc.string({ minLength: 1, maxLength: 6 }),
  fc.nat(5000).map((n) => `v${n}`),
);

describe('BytesTable', () => {
  it('numbers each distinct byte string in order of first appearance, as a Map of the texts', () => {
    fc.assert(
      fc.property(fc.array(cellText, { maxLength: 3000 }), (texts) => {
        const { bytes, at } = cellsOf(texts);
        const table = new BytesTable();
        const byText = new Map<string, number>();
        for (let i = 0; i < texts.length; i++) {
          const k = table.entry(bytes, at[i]![0], at[i]![1]);
          const known = byText.get(texts[i]!);
          if (known === undefined) {
            expect(k).toBe(~byText.size);
            byText.set(texts[i]!, byText.size);
          } else expect(k).toBe(known);
        }
        expect(table.size).toBe(byText.size);
      }),
      { numRuns: 60 },
    );
  });
});

/** Whether the text is its UTF-8 bytes decoded (no lone surrogate). */
const wellFormed = (text: string) => new TextDecoder().decode(enc.encode(text)) === text;

describe('IdIndex', () => {
  // Ids with surrogates: a pair (a four-byte character), a lone one (only as text).
  const id = fc.oneof(
    fc.constantFrom('L1', 'L2', 'é', '😀', 'a😀', 'x\uD800', '\uDC00', 'x\uFFFD', ''),
    fc.string({ maxLength: 5 }),
    fc.nat(3000).map((n) => `L-${n}`),
  );
  it('finds the first row of each id as a Map does, by its text or by its bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(id, fc.boolean(), fc.boolean()), { maxLength: 2000 }), (ops) => {
        const index = new IdIndex();
        const map = new Map<string, number>();
        ops.forEach(([text, asBytes, adding], row) => {
          // Bytes come from a file: only text without a lone surrogate has them.
          const bytes = asBytes && wellFormed(text) ? enc.encode(text) : undefined;
          if (adding) {
            const added = bytes ? index.addBytes(bytes, 0, bytes.length, row) : index.add(text, row);
            expect(added).toBe(!map.has(text));
            if (!map.has(text)) map.set(text, row);
          }
          expect(bytes ? index.getBytes(bytes, 0, bytes.length) : index.get(text)).toBe(map.get(text));
          expect(index.has(text)).toBe(map.has(text));
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('IdIndex asked in the order its ids were added', () => {
  it('finds each row as a Map does, with ids skipped, asked again, unknown or of other lengths', () => {
    const texts = ['L-1', 'L-2', 'L-10', 'L-3', 'é', 'L-30', '😀', 'L-300', 'L-4'];
    fc.assert(
      fc.property(
        fc.subarray(texts.map((_, i) => i)),
        fc.array(fc.oneof(fc.nat(texts.length - 1), fc.constant(-1)), { maxLength: 40 }),
        (added, asked) => {
          const index = new IdIndex();
          const map = new Map<string, number>();
          for (const i of added) {
            const bytes = enc.encode(texts[i]!);
            index.addBytes(bytes, 0, bytes.length, i * 10);
            map.set(texts[i]!, i * 10);
          }
          // In order first (as a file grouped by lead asks), then in the order drawn.
          for (const i of [...added, ...asked]) {
            const text = i < 0 ? 'L-9' : texts[i]!;
            const cell = enc.encode(`,${text},`);
            expect(index.getBytes(cell, 1, cell.length - 1)).toBe(map.get(text));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('BytesCodes', () => {
  it('tells apart values of the same length, first and last byte, met in turn', () => {
    const texts = ['axb', 'ayb', 'axb', 'azb', 'ayb', 'ayb', 'axb', '', 'a', 'axb', ''];
    const { bytes, at } = cellsOf(texts);
    const byText = new GrowingDict();
    const codes = new BytesCodes(new GrowingDict());
    texts.forEach((t, i) => expect(codes.code(bytes, at[i]![0], at[i]![1])).toBe(byText.code(t)));
  });

  it('gives the codes and values the dictionary gives the texts, mixed with texts coded directly', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cellText, fc.boolean()), { maxLength: 3000 }), (cells) => {
        const { bytes, at } = cellsOf(cells.map(([t]) => t));
        const byText = new GrowingDict();
        const byBytes = new GrowingDict();
        const codes = new BytesCodes(byBytes);
        cells.forEach(([t, asText], i) => {
          const expected = byText.code(t);
          expect(asText ? byBytes.code(t) : codes.code(bytes, at[i]![0], at[i]![1])).toBe(expected);
        });
        expect(byBytes.values).toEqual(byText.values);
      }),
      { numRuns: 60 },
    );
  });
});

describe('LeadStore.appendPlain', () => {
  const instant = fc.integer({ min: 0, max: 40 }).map((d) => d * 3_600_000);
  const leadRow = fc.record({
    createdAt: instant,
    // Stage instants at or after the creation (a few equal, to check the order of ties).
    stages: fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), {
      minLength: DATED_STAGES.length,
      maxLength: DATED_STAGES.length,
    }),
    account: fc.option(fc.constantFrom('A1', 'A2', 'A3'), { nil: undefined }),
    text: fc.array(fc.option(fc.constantFrom('x', 'y@Ab.c', 'z@ab.C ', 'q@b@É.fr', 'w@', '@'), { nil: undefined }), {
      minLength: LEAD_TEXT_FIELDS.length,
      maxLength: LEAD_TEXT_FIELDS.length,
    }),
    isBot: fc.boolean(),
  });

  it('stores a lead as `append` stores its record', () => {
    fc.assert(
      fc.property(fc.array(leadRow, { maxLength: 40 }), (rows) => {
        const records = new LeadStore();
        const plain = new LeadStore();
        const codes = LEAD_TEXT_FIELDS.map((f) => plain.textCodes(f));
        rows.forEach((r, i) => {
          const id = `L${i}`;
          const dates: StageEvent[] = [];
          const stageAt = new Float64Array(DATED_STAGES.length).fill(NaN);
          r.stages.forEach((d, s) => {
            if (d === undefined) return;
            const at = r.createdAt + d * 3_600_000;
            dates.push({ stage: DATED_STAGES[s]!, at });
            stageAt[s] = at;
          });
          const lead: LeadRecord = {
            id,
            createdAt: r.createdAt,
            isBot: r.isBot,
            stageHistory: historyFromStageDates(r.createdAt, dates),
            custom: {},
          };
          if (r.account !== undefined) lead.accountId = r.account;
          const text = new Int32Array(LEAD_TEXT_FIELDS.length).fill(-1);
          let domain = -1;
          r.text.forEach((t, f) => {
            if (t === undefined) return;
            lead[LEAD_TEXT_FIELDS[f]!] = t;
            const { bytes, at } = cellsOf([t]);
            text[f] = codes[f]!.code(bytes, at[0]![0], at[0]![1]);
            if (LEAD_TEXT_FIELDS[f] === 'email') domain = plain.emailDomainCode(bytes, at[0]![0], at[0]![1]);
          });
          records.append(lead);
          const idCell = cellsOf([id]);
          plain.appendPlain(
            idCell.bytes,
            idCell.at[0]![0],
            idCell.at[0]![1],
            r.createdAt,
            r.account === undefined ? -1 : plain.accountCode(r.account),
            text,
            domain,
            r.isBot,
            stageAt,
          );
        });
        expect(plain.toRecords()).toEqual(records.toRecords());
        const accounts = new Map([['A2', 0]]);
        expect(plain.columns(accounts)).toEqual(records.columns(accounts));
      }),
      { numRuns: 100 },
    );
  });
});

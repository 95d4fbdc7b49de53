import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownString } from '../../src/engine/model/grow';

describe('ownString', () => {
  it('gives the same text, short or long, any code units (lone surrogates, quotes, controls) included', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((u) => String.fromCharCode(...u)),
    );
    fc.assert(
      fc.property(text, text, (a, b) => {
        const cell = `${a},${b}`.slice(a.length + 1);
        expect(ownString(cell)).toBe(b);
        expect(ownString(b)).toBe(b);
      }),
    );
  });
});

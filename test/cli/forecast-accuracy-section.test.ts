/**
 * `revlens report --json` carries `forecast.accuracy`, read from a canonical CSV folder with
 * opportunity_history.csv (the hand-worked company of test/engine/forecast/accuracy-fixture.ts),
 * beside the other `forecast` keys; without history it is null with the reason.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/commands/report';
import { loadDataset } from '../../src/cli/load-dataset';
import { NO_HISTORY_REASON } from '../../src/engine/forecast/accuracy';
import type { RecordSet } from '../../src/engine/model/records';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { recordSet } from '../fixtures/records';
import { DEALS } from '../engine/forecast/accuracy-fixture';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(rs: RecordSet): string {
  const dir = mkdtempSync(join(tmpdir(), 'revlens-accuracy-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(writeCanonicalCsv(rs))) writeFileSync(join(dir, name), text);
  return dir;
}

interface MethodJson {
  mape: number | null;
  quarters: Record<
    string,
    { actual: number; ape: number | null; errors: (number | null)[]; forecasts: (number | null)[] }
  >;
  projection: number | null;
  projectionToDate: number | null;
}
interface Report {
  forecast: {
    accuracy: {
      best: string;
      quarters: { quarter: string; actual: number }[];
      methods: Record<string, MethodJson>;
      current: { quarter: string; actualToDate: number; paceShare: number };
    } | null;
    categories: Record<string, unknown>;
    notMeasurable?: Record<string, string>;
  };
}

describe('revlens report: forecast.accuracy', () => {
  const dir = folder(recordSet({ opportunities: DEALS }));
  const report = (json: boolean) =>
    runReport(loadDataset(dir, { json, asOf: '2026-07-25', flags: json ? { json: true } : {} }));
  const r = JSON.parse(report(true)) as Report;
  const a = r.forecast.accuracy!;

  it('gives per method the MAPE and the per-quarter errors, worked by hand, and names the best method', () => {
    expect(a.quarters).toEqual([
      { quarter: '2026-Q1', actual: 70_000 },
      { quarter: '2026-Q2', actual: 30_000 },
    ]);
    expect(a.best).toBe('bestCase');
    expect(a.methods.bestCase!.mape).toBeCloseTo(360_000 / 910_000 / 2, 10);
    expect(a.methods.weighted!.mape).toBeCloseTo((519_000 / 910_000 + 0.15) / 2, 10);
    expect(a.methods.commit!.quarters['2026-Q2']!.errors.slice(0, 4)).toEqual([-1, -1, -1, 0]);
    expect(a.methods.weighted!.quarters['2026-Q1']!.forecasts[0]).toBe(12_500);
  });

  it('projects the current quarter per method, with the actual to date against the forecast to date', () => {
    expect(a.current).toMatchObject({ quarter: '2026-Q3', actualToDate: 0 });
    expect(a.current.paceShare).toBeCloseTo(0.3, 10);
    expect(a.methods.commit).toMatchObject({ projection: 100_000, projectionToDate: 30_000 });
  });

  it('sits beside the other forecast keys', () => {
    expect(r.forecast.categories).toHaveProperty('2026-Q3');
    expect(r.forecast.notMeasurable).toBeUndefined();
  });

  it('prints the MAPE of every method and the most accurate one', () => {
    const text = report(false);
    expect(text).toMatch(
      /Forecast accuracy over 2026-Q1, 2026-Q2 \(MAPE, weeks 1–13\): Weighted pipeline 36\.0%, Commit 47\.8%, Best case 19\.8%/,
    );
    expect(text).toMatch(
      /Most accurate: Best case; it projects 2026-Q3 at \$100,000 \(\$0 won to date, \$30,000 expected by now\)/,
    );
  });

  it('without deal history: null, with the reason beside the other reasons', () => {
    const bare = folder(recordSet({ opportunities: DEALS.map(({ changes: _c, ...d }) => d) }));
    const none = JSON.parse(
      runReport(loadDataset(bare, { json: true, asOf: '2026-07-25', flags: { json: true } })),
    ) as Report;
    expect(none.forecast.accuracy).toBeNull();
    expect(none.forecast.notMeasurable).toMatchObject({ accuracy: NO_HISTORY_REASON });
    expect(none.forecast.notMeasurable).toHaveProperty('waterfall');
  });
});

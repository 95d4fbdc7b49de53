// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HYGIENE_RULES } from '../../../src/engine/hygiene/rules';
import { buildListModel } from '../../../src/features/hygiene/build-hygiene-model';
import { HygieneView } from '../../../src/features/hygiene/hygiene-view';
import { parseHygieneRules } from '../../../src/features/hygiene/rules-state';
import type { DetectorView } from '../../../src/worker/api';
import { setEngine } from '../../../src/worker/client';
import { createEngineService } from '../../../src/worker/service';

describe('hygiene rules in the URL', () => {
  it('reads defaults from an empty URL and edits from a filled one', () => {
    expect(parseHygieneRules(new URLSearchParams())).toEqual(DEFAULT_HYGIENE_RULES);
    const r = parseHygieneRules(
      new URLSearchParams('ft.hours=48&ft.criteria=budget,need,bogus&ft.nosql=0&mk.days=30&pt.own=outbound,partner'),
    );
    expect(r.fastTrack).toEqual({ maxHoursSqlToSqo: 48, requiredCriteria: ['budget', 'need'], flagMissingSql: false });
    expect(r.marketing.windowDays).toBe(30);
    expect(r.passThrough.ownChannels).toEqual(['outbound', 'partner']);
    // Malformed values fall back to the defaults, never throw.
    expect(parseHygieneRules(new URLSearchParams('ft.hours=-3&mk.days=abc')).fastTrack.maxHoursSqlToSqo).toBe(24);
  });
});

describe('list model', () => {
  it('says why each opportunity was flagged', () => {
    const d = {
      key: 'fastTrack',
      rows: [
        {
          id: 'O1',
          owner: 'A',
          sqoDate: '2026-01-01',
          amountCents: 123_400,
          status: 'open',
          stage: 'sqo',
          sourcedBy: 'ae',
          reasons: ['fast', 'criteria'],
          hoursSqlToSqo: 6,
          missing: ['budget'],
        },
        {
          id: 'O2',
          owner: 'B',
          sqoDate: '2026-01-02',
          amountCents: 100,
          status: 'lost',
          stage: 'lost',
          sourcedBy: 'sdr',
          reasons: ['no SQL'],
          hoursSqlToSqo: null,
          missing: [],
        },
      ],
    } as unknown as DetectorView;
    const m = buildListModel(d, 'USD');
    expect(m.rows.map((r) => r[7])).toEqual(['SQO 6 h after SQL; missing budget', 'no SQL entry']);
    expect(m.rows[0]![3]).toBe(1234);
    expect(m.columns[3]!.format!(1234)).toBe('$1,234');
  });
});

describe('Hygiene view on the demo company', () => {
  beforeAll(async () => {
    const e = createEngineService();
    await e.loadDemo({ leads: 3000 });
    setEngine(e);
  });

  it('shows the four detectors and opens the list behind a count', async () => {
    window.history.replaceState(null, '', '/hygiene');
    render(
      <QueryClientProvider client={new QueryClient()}>
        <HygieneView />
      </QueryClientProvider>,
    );
    const card = await screen.findByRole('article', { name: 'Fast-track conversions' }, { timeout: 10_000 });
    const button = within(card).getByRole('button', { name: /Show the [\d,]+ opportunities/ });
    const count = Number(button.textContent!.match(/[\d,]+/)![0]!.replace(/,/g, ''));
    expect(count).toBeGreaterThan(0);
    await userEvent.click(button);
    expect(window.location.search).toContain('list=fastTrack');
    expect(await screen.findByText(`${count.toLocaleString('en-US')} rows`)).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Marketing-sourced tagging' })).toHaveTextContent(/by any touch ever/);
  });
});

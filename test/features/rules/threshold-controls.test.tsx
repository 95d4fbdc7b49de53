// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import type { RuleSet } from '../../../src/engine/scoring/rules';
import { ThresholdControls } from '../../../src/features/rules/threshold-controls';
import { flushSearch } from '../../../src/state/url';

const singleScore: RuleSet = {
  ...DEFAULT_RULE_SET,
  qualification: { ...DEFAULT_RULE_SET.qualification, mqlMode: 'single-score', mqlMinCombined: 55 },
};
const labelOf = (s: HTMLElement) => document.querySelector(`label[for="${s.id}"]`)!.textContent!;
/** Each slider's value, by its label, in the order shown. */
const values = () =>
  Object.fromEntries(screen.getAllByRole('slider').map((s) => [labelOf(s), (s as HTMLInputElement).value]));

describe('the threshold controls', () => {
  beforeEach(() => {
    flushSearch();
    window.history.replaceState(null, '', '/rules');
  });

  it('show the two MQL minimums of the two-score rule and the four tier thresholds, at the rule set’s values', () => {
    render(<ThresholdControls rules={DEFAULT_RULE_SET} />);
    expect(screen.getByRole('radio', { name: 'Two scores: fit and intent each above a minimum' })).toBeChecked();
    // The defaults: MQL fit 40 and intent 30; intent tiers from 60 and 30; ICP tiers from 70 and 40.
    expect(values()).toEqual({
      'MQL minimum fit': '40',
      'MQL minimum intent': '30',
      'High intent from': '60',
      'Mid intent from': '30',
      'ICP Tier 1 from': '70',
      'ICP Tier 2 from': '40',
    });
    expect(screen.getAllByText('fit points')).toHaveLength(2);
  });

  it('show the combined minimum alone under the single-score rule', () => {
    render(<ThresholdControls rules={singleScore} />);
    expect(screen.getByRole('radio', { name: 'Single combined score' })).toBeChecked();
    expect(Object.keys(values())).toEqual([
      'MQL minimum combined score',
      'High intent from',
      'Mid intent from',
      'ICP Tier 1 from',
      'ICP Tier 2 from',
    ]);
    expect(values()['MQL minimum combined score']).toBe('55');
  });

  it('put a moved threshold and a chosen rule in the page link, under their names in the rule set', async () => {
    render(<ThresholdControls rules={DEFAULT_RULE_SET} />);
    fireEvent.change(screen.getByRole('slider', { name: 'ICP Tier 2 from' }), { target: { value: '33' } });
    flushSearch();
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('icpTier2')).toBe('33'));
    fireEvent.click(screen.getByRole('radio', { name: 'Single combined score' }));
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('mqlMode')).toBe('single-score'));
  });
});

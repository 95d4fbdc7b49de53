// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HYGIENE_RULES } from '../../../src/engine/hygiene/rules';
import { DetectorCard } from '../../../src/features/hygiene/detector-card';
import type { DetectorView, HygieneView } from '../../../src/worker/api';

const cohort = { won: 0, closed: 0, winRate: null };
const view = (d: Partial<DetectorView>): { d: DetectorView; v: HygieneView } => {
  const detector = {
    key: 'passThrough',
    notMeasurable: null,
    unchecked: [],
    considered: 0,
    count: 0,
    amountCents: 0,
    openAmountCents: 0,
    flagged: cohort,
    clean: cohort,
    rows: [],
    ...d,
  } as DetectorView;
  const v = {
    currency: 'USD',
    asOf: '2026-06-30',
    rules: DEFAULT_HYGIENE_RULES,
    detectors: [detector],
    marketingShare: { totalCents: 0, anyTouchCents: 0, firstTouchCents: 0, anyTouch: null, firstTouchWindow: null },
  } as HygieneView;
  return { d: detector, v };
};

describe('a hygiene detector card', () => {
  it('says what a detector the data cannot run needs, naming the files', () => {
    const { d, v } = view({ notMeasurable: ['touches', 'sourcedBy'] });
    render(<DetectorCard d={d} view={v} open={false} />);
    expect(screen.getByRole('note')).toHaveTextContent(
      'Not measurable — needs marketing and sales touches (touches.csv) and who sourced each opportunity (sourced_by in opportunities.csv).',
    );
  });

  it('runs the parts it can and says which part of the rule it left unchecked', () => {
    const { d, v } = view({ key: 'fastTrack', unchecked: [{ part: 'criteria', needs: ['qualification'] }] });
    const { container } = render(<DetectorCard d={d} view={v} open={false} />);
    expect(screen.queryByRole('note')).toBeNull();
    expect(container.querySelector('.hy-card__unchecked')).toHaveTextContent(
      'Criteria not checked — needs qualification criteria on the opportunities (q_budget, q_authority, q_need, q_timeline … in opportunities.csv).',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { stageLabel, stepLabel } from '../../src/lib/stage-labels';

describe('stage names in the UI', () => {
  it('name the lead stages, and keep an opportunity stage as the data names it', () => {
    expect(stageLabel('mql')).toBe('MQL');
    expect(stageLabel('won')).toBe('Won');
    expect(stageLabel('Negotiation/Review')).toBe('Negotiation/Review');
  });

  it('name a step by its two stages', () => {
    expect(stepLabel({ from: 'sql', to: 'sqo' })).toBe('SQL→SQO');
  });
});

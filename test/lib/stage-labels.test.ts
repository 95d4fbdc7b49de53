import { describe, expect, it } from 'vitest';
import { pairEnds, pairLabel, stageLabel, stepLabel } from '../../src/lib/stage-labels';

describe('stage names in the UI', () => {
  it('name the lead stages, and keep an opportunity stage as the data names it', () => {
    expect(stageLabel('mql')).toBe('MQL');
    expect(stageLabel('won')).toBe('Won');
    expect(stageLabel('Negotiation/Review')).toBe('Negotiation/Review');
    expect(stageLabel('created')).toBe('Opportunities');
  });

  it('name a step by its two stages', () => {
    expect(stepLabel({ from: 'sql', to: 'sqo' })).toBe('SQL→SQO');
  });

  it('name a conversion as the glossary does: a conversion to won in lower case', () => {
    expect(pairLabel({ from: 'mql', to: 'sqo' })).toBe('MQL→SQO');
    expect(pairLabel({ from: 'sqo', to: 'won' })).toBe('SQO→won');
    expect(pairEnds({ from: 'lead', to: 'mql' })).toEqual({ from: 'Lead', to: 'MQL' });
  });
});

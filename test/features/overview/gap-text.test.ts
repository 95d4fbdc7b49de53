import { describe, expect, it } from 'vitest';
import { gapText } from '../../../src/features/overview/gap-text';

describe('what the Overview says it cannot measure', () => {
  it('names the figures and the file or column that would supply them', () => {
    expect(gapText({ figures: 'pipeline', needs: ['opportunities'] })).toBe(
      'Pipeline and opportunity figures: not measurable — needs an opportunities file (opportunities.csv).',
    );
    expect(gapText({ figures: 'leadFigures', needs: ['leadLinks'] })).toBe(
      "Lead figures (MQLs, SQLs, MQL→SQO, SQL→SQO and the lead cohort's SQO→won): not measurable — needs opportunities linked to their leads (lead_id in opportunities.csv).",
    );
    expect(gapText({ figures: 'openStages', needs: ['stageHistory'] })).toBe(
      'Open stages between creation and won: not measurable — needs an opportunity stage history (opportunity_stages.csv).',
    );
  });
});

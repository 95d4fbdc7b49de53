import { describe, expect, it } from 'vitest';
import { criteriaRecorded, datasetCapabilities, missingFor, NEEDS } from '../../src/engine/capabilities';
import { buildDataset } from '../../src/engine/model/build-dataset';
import { lead, ms, opportunity, recordSet } from '../fixtures/records';

describe('what a dataset can measure', () => {
  it('an opportunity-only dataset has no leads, no stage dates, no touches and counts opportunities', () => {
    const ds = buildDataset(
      recordSet({ opportunities: [opportunity('O1', '2026-01-05', { status: 'won', closeDate: ms('2026-02-01') })] }),
    );
    const caps = datasetCapabilities(ds);
    expect(caps.basis).toBe('opportunities');
    expect(caps.has).toMatchObject({
      leads: false,
      sqlDates: false,
      opportunities: true,
      stageHistory: false,
      qualification: false,
      touches: false,
      sourcedBy: false,
      closeDates: true,
      quota: false,
    });
    expect(missingFor(caps, ['leads', 'sqlDates'])?.reason).toBe(
      `not measurable — needs ${NEEDS.leads} and ${NEEDS.sqlDates}`,
    );
    expect(missingFor(caps, ['opportunities'])).toBeNull();
  });

  it('a leads-only dataset counts leads and has no opportunity inputs', () => {
    const ds = buildDataset(recordSet({ leads: [lead('L1', '2026-01-01', { mql: '2026-01-02', sql: '2026-01-03' })] }));
    const caps = datasetCapabilities(ds);
    expect(caps.basis).toBe('leads');
    expect(caps.has).toMatchObject({
      leads: true,
      leadStageDates: true,
      sqlDates: true,
      opportunities: false,
      leadLinks: false,
    });
  });

  it('leads whose opportunities are not linked to them give an opportunity basis', () => {
    const ds = buildDataset(
      recordSet({ leads: [lead('L1', '2026-01-01')], opportunities: [opportunity('O1', '2026-01-05')] }),
    );
    expect(datasetCapabilities(ds).basis).toBe('opportunities');
  });

  it('a stage history needs at least one deal with two entries; bots do not make a leads file', () => {
    const moved = opportunity('O1', '2026-01-05', {
      stageHistory: [
        { stage: 'sqo', at: ms('2026-01-05') },
        { stage: 'proposal', at: ms('2026-01-20') },
      ],
    });
    const bot = lead('B1', '2026-01-01', { sql: '2026-01-02' }, { isBot: true });
    const caps = datasetCapabilities(buildDataset(recordSet({ leads: [bot], opportunities: [moved] })));
    expect(caps.has.stageHistory).toBe(true);
    expect(caps.has.leads).toBe(false);
    expect(caps.has.sqlDates).toBe(false);
  });

  it('criteria count as recorded when any deal records one of them, true or false', () => {
    const ds = buildDataset(
      recordSet({ opportunities: [opportunity('O1', '2026-01-05', { qualification: { budget: false } })] }),
    );
    expect(criteriaRecorded(ds, ['budget', 'need'])).toBe(true);
    expect(criteriaRecorded(ds, ['need'])).toBe(false);
    expect(datasetCapabilities(ds).has.qualification).toBe(true);
  });
});

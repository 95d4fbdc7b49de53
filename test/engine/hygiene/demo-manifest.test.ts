import { describe, expect, it } from 'vitest';
import { runHygiene } from '../../../src/engine/hygiene/hygiene';
import { buildDataset } from '../../../src/engine/model/build-dataset';
import { generateDemoCompany } from '../../../src/demo/generate';

describe('on the demo company', () => {
  const { records, manifest } = generateDemoCompany({ seed: 20261115, leads: 12_000 });
  const ds = buildDataset(records);
  // Detect over every opportunity, bots included: the manifest counts the records as generated.
  const h = runHygiene(ds, { asOf: ds.meta.latestAt + 1 });
  const flagged = (rows: Int32Array) => new Set(Array.from(rows, (j) => ds.opportunities.id[j]!));

  it('uses the same required criteria as the manifest (BANT)', () => {
    expect([...h.rules.fastTrack.requiredCriteria]).toEqual([...manifest.fastTrackCriteria]);
  });

  it.each([
    ['fastTracked', 'fastTrack'],
    ['passThrough', 'passThrough'],
    ['restaged', 'restaged'],
  ] as const)('detects every planted and every defined %s case, and nothing else', (key, detector) => {
    const found = flagged(h[detector].rows);
    expect(manifest.planted[key].length).toBeGreaterThan(0);
    for (const id of manifest.planted[key]) expect(found.has(id), `planted ${key} ${id}`).toBe(true);
    for (const id of manifest.ids[key]) expect(found.has(id), `defined ${key} ${id}`).toBe(true);
    expect(found.size).toBe(manifest.ids[key].length);
  });

  it('shows fast-tracked SQOs winning far less often than clean ones', () => {
    expect(h.fastTrack.flagged.winRate!).toBeLessThan(0.1);
    expect(h.fastTrack.clean.winRate!).toBeGreaterThan(0.15);
  });

  it('credits marketing with more pipeline under "any touch ever" than under "first touch in 90 days"', () => {
    expect(h.marketing.share.anyTouch!).toBeGreaterThan(h.marketing.share.firstTouchWindow!);
  });
});

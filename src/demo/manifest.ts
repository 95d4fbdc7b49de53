/**
 * The demo manifest: what the generated data holds, counted by scanning the records with the SPEC
 * §10 definitions (detect.ts), beside the ids the generator planted on purpose. With the default
 * BANT criteria the two agree; a difference would mean the generator made a case by accident.
 */
import type { RecordSet } from '../engine/model/records';
import type { QualificationCriterion } from '../engine/model/stages';
import {
  countSkippedStages,
  findFastTracked,
  findPassThrough,
  findRestaged,
  type SkippableStage,
} from './detect';

/** Opportunity ids per planted gaming pattern. */
export interface PatternIds {
  readonly fastTracked: readonly string[];
  readonly restaged: readonly string[];
  readonly passThrough: readonly string[];
}

/** JSON-serialisable description of a generated demo company. */
export interface DemoManifest {
  readonly seed: number;
  /** Leads generated (bots included). */
  readonly leads: number;
  /** ISO date the data runs to. */
  readonly asOf: string;
  /** Leads flagged `isBot`. */
  readonly bots: number;
  /** Per stage, leads that reached a later stage without a recorded entry of this one. */
  readonly skippedStages: Readonly<Record<SkippableStage, number>>;
  /** Opportunities the fast-track definition flags (with `fastTrackCriteria` required). */
  readonly fastTracked: number;
  /** Opportunities whose history goes back to `sqo` from a later stage. */
  readonly restaged: number;
  /** AE-sourced opportunities whose first touch was not outbound. */
  readonly passThrough: number;
  /** Required criteria the fast-track count assumes: BANT. */
  readonly fastTrackCriteria: readonly QualificationCriterion[];
  /** Ids found by the definitions, in record order. */
  readonly ids: PatternIds;
  /** Ids the generator planted, in record order. */
  readonly planted: PatternIds;
  /** Dirty CSV rows the CSV export appends (not in the records). */
  readonly dirtyRows: number;
}

export interface ManifestInput {
  readonly seed: number;
  readonly asOf: string;
  readonly records: RecordSet;
  readonly planted: PatternIds;
  readonly criteria: readonly QualificationCriterion[];
  readonly dirtyRows: number;
}

export function buildManifest(m: ManifestInput): DemoManifest {
  const rs = m.records;
  const fastTracked = findFastTracked(rs, m.criteria);
  const restaged = findRestaged(rs);
  const passThrough = findPassThrough(rs);
  let bots = 0;
  for (const l of rs.leads) if (l.isBot) bots++;
  return {
    seed: m.seed,
    leads: rs.leads.length,
    asOf: m.asOf,
    bots,
    skippedStages: countSkippedStages(rs.leads),
    fastTracked: fastTracked.length,
    restaged: restaged.length,
    passThrough: passThrough.length,
    fastTrackCriteria: [...m.criteria],
    ids: { fastTracked, restaged, passThrough },
    planted: m.planted,
    dirtyRows: m.dirtyRows,
  };
}

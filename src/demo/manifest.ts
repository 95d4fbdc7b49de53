/**
 * The demo manifest: what the generated data holds, counted by scanning the records with the SPEC
 * §10 definitions (detect.ts), beside the ids the generator planted on purpose. With the default
 * BANT criteria the two agree; a difference would mean the generator made a case by accident.
 */
import type { ActivityRecord, LeadRecord, OpportunityRecord, RecordSet, TouchRecord } from '../engine/model/records';
import type { QualificationCriterion } from '../engine/model/stages';
import { emptyHistoryIds, type HistoryIds } from './deal-history';
import { countSkippedStages, findFastTracked, findPassThrough, findRestaged, type SkippableStage } from './detect';

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
  /** Deals whose recorded history was planted with pushes, pull-ins, amount and category moves. */
  readonly history: HistoryIds;
}

export interface ManifestInput {
  readonly seed: number;
  readonly asOf: string;
  readonly records: RecordSet;
  readonly planted: PatternIds;
  readonly criteria: readonly QualificationCriterion[];
  readonly dirtyRows: number;
  readonly history?: HistoryIds;
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
    history: m.history ?? emptyHistoryIds(),
  };
}

/** The rows a manifest tally takes at a time: some leads with all the rows that belong to them. */
export interface ManifestRows {
  readonly leads: readonly LeadRecord[];
  readonly activities: readonly ActivityRecord[];
  readonly opportunities: readonly OpportunityRecord[];
  readonly touches: readonly TouchRecord[];
}

/**
 * The manifest counted over the records a slice at a time. Each definition looks at one opportunity
 * with its own lead and touches, so as long as a slice holds every row of its leads the result equals
 * `buildManifest` over all the records, ids in record order.
 */
export class ManifestTally {
  private leads = 0;
  private bots = 0;
  private readonly skipped: Record<SkippableStage, number> = { mql: 0, sal: 0, sql: 0, sqo: 0 };
  private readonly ids = { fastTracked: [] as string[], restaged: [] as string[], passThrough: [] as string[] };

  add(rows: ManifestRows, criteria: readonly QualificationCriterion[]): void {
    const rs: RecordSet = {
      name: '',
      plan: { currency: 'USD', fiscalYearStartMonth: 1, quotas: [] },
      accounts: [],
      leads: rows.leads as LeadRecord[],
      activities: rows.activities as ActivityRecord[],
      opportunities: rows.opportunities as OpportunityRecord[],
      touches: rows.touches as TouchRecord[],
    };
    const m = buildManifest({ seed: 0, asOf: '', records: rs, planted: this.ids, criteria, dirtyRows: 0 });
    this.leads += m.leads;
    this.bots += m.bots;
    for (const s of Object.keys(this.skipped) as SkippableStage[]) this.skipped[s] += m.skippedStages[s];
    for (const id of m.ids.fastTracked) this.ids.fastTracked.push(id);
    for (const id of m.ids.restaged) this.ids.restaged.push(id);
    for (const id of m.ids.passThrough) this.ids.passThrough.push(id);
  }

  finish(m: Omit<ManifestInput, 'records'>): DemoManifest {
    return {
      seed: m.seed,
      leads: this.leads,
      asOf: m.asOf,
      bots: this.bots,
      skippedStages: { ...this.skipped },
      fastTracked: this.ids.fastTracked.length,
      restaged: this.ids.restaged.length,
      passThrough: this.ids.passThrough.length,
      fastTrackCriteria: [...m.criteria],
      ids: this.ids,
      planted: m.planted,
      dirtyRows: m.dirtyRows,
      history: m.history ?? emptyHistoryIds(),
    };
  }
}

/**
 * Loads the canonical CSV files the scoring engine reads (accounts.csv, leads.csv, activities.csv)
 * straight into typed columns, streaming each file chunk by chunk. Built for files of millions of
 * rows: no record objects, no whole-file string, no string per field. Only the columns the scoring engine and funnel
 * counts need are kept; other columns are skipped, and e-mail addresses are kept as their domain
 * (`@domain`), the only part scoring reads.
 */
import type { DictColumn } from '../../engine/model/columns';
import type { ScoringInput } from './scoring-input';
import { ACTIVITY_TYPES } from '../../engine/model/stages';
import { LEAD_STAGE_COLUMNS } from '../canonical/columns';
import { scanCsv, type CsvChunks, type CsvTally } from './csv-scanner';
import { BoolSink, DictSink, EmailDomainSink, IdSink, InstantSink, NumberSink, RefSink, SKIP, type ColumnSink } from './sinks';

/**
 * Chunks of one file: UTF-8 bytes, e.g. `blobChunks(file)` (the fastest: no decoding, one reused
 * buffer), or text, e.g. `file.stream().pipeThrough(new TextDecoderStream())`.
 */
export type TextChunks = CsvChunks;

export interface ScoringFiles {
  readonly accounts?: TextChunks;
  readonly leads: TextChunks;
  readonly activities?: TextChunks;
}

/** Columns loaded for scoring, plus each file's tally and the leads' ids and creation instants. */
export interface ScoringColumns extends ScoringInput {
  readonly leadIds: readonly string[];
  readonly accountIds: readonly string[];
  readonly createdAt: Float64Array;
  readonly tallies: Readonly<Record<'accounts' | 'leads' | 'activities', CsvTally>>;
}

type Sinks = Record<string, ColumnSink>;

/**
 * Activity type codes as the dataset model numbers them: ACTIVITY_TYPES first, then other types in
 * order of appearance. An activity without a type is dropped (its lead set to -1).
 */
function canonicalTypes(types: DictSink, lead: Int32Array) {
  const typeNames: string[] = [...ACTIVITY_TYPES];
  for (const v of types.values) if (!typeNames.includes(v)) typeNames.push(v);
  if (typeNames.length > 255) throw new Error(`activities.csv: too many activity types (${typeNames.length})`);
  const remap = types.values.map((v) => typeNames.indexOf(v));
  const codes = types.codes();
  const type = new Uint8Array(codes.length);
  for (let j = 0; j < codes.length; j++) {
    const c = codes[j]!;
    if (c < 0) lead[j] = -1;
    else type[j] = remap[c]!;
  }
  return { typeNames, type, lead };
}

/** Binds header names to sinks; fails loudly when a required column is missing. */
function binder(file: string, sinks: Sinks, required: readonly string[]) {
  return (header: readonly string[]): ColumnSink[] => {
    for (const r of required) if (!header.includes(r)) throw new Error(`${file}: missing required column "${r}"`);
    return header.map((h) => sinks[h] ?? SKIP);
  };
}

const dict = (s: DictSink): DictColumn => ({ kind: 'dict', codes: s.codes(), values: s.values });
const emptyTally = (): CsvTally => ({ rowsRead: 0, rejected: 0, rejections: [] });

async function loadAccounts(chunks: TextChunks | undefined) {
  const s = { id: new IdSink(), industry: new DictSink(), employees: new NumberSink(), annual_revenue: new NumberSink(100), region: new DictSink() };
  const tally = chunks ? await scanCsv(chunks, binder('accounts.csv', s, ['id']), undefined) : emptyTally();
  return {
    ids: s.id.ids,
    idSink: s.id,
    tally,
    columns: { industry: dict(s.industry), employees: s.employees.values(), annualRevenueCents: s.annual_revenue.values(), region: dict(s.region) },
  };
}

/**
 * Loads the scoring columns. `onLeadRows` is called after each chunk of leads.csv with the rows read
 * so far, so a caller can show progress from the first chunks.
 */
export async function loadScoringColumns(files: ScoringFiles, onLeadRows?: (rows: number) => void): Promise<ScoringColumns> {
  const accounts = await loadAccounts(files.accounts);
  const stageSinks = Object.fromEntries(LEAD_STAGE_COLUMNS.map(([column]) => [column, new InstantSink()]));
  const l = {
    id: new IdSink(),
    created_at: new InstantSink(),
    account_id: new RefSink(accounts.idSink),
    email: new EmailDomainSink(),
    persona: new DictSink(),
    seniority: new DictSink(),
    source: new DictSink(),
    is_bot: new BoolSink(),
  };
  const leadTally = await scanCsv(files.leads, binder('leads.csv', { ...l, ...stageSinks }, ['id', 'created_at']), (t) =>
    onLeadRows?.(t.rowsRead),
  );
  const a = { lead_id: new RefSink(l.id), type: new DictSink(), at: new InstantSink() };
  const activityTally = files.activities
    ? await scanCsv(files.activities, binder('activities.csv', a, ['lead_id', 'type', 'at']))
    : emptyTally();
  const { typeNames, type, lead: activityLead } = canonicalTypes(a.type, a.lead_id.rows());
  const stageAt = Object.fromEntries(
    LEAD_STAGE_COLUMNS.map(([column, stage]) => [stage, (stageSinks[column] as InstantSink).values()]),
  ) as unknown as ScoringInput['leads']['stageAt'];
  return {
    leadIds: l.id.ids,
    accountIds: accounts.ids,
    createdAt: l.created_at.values(),
    leads: {
      count: l.id.length,
      account: l.account_id.rows(),
      email: dict(l.email),
      persona: dict(l.persona),
      seniority: dict(l.seniority),
      source: dict(l.source),
      isBot: l.is_bot.values(),
      stageAt,
    },
    accounts: accounts.columns,
    activities: { count: type.length, lead: activityLead, type, typeNames, at: a.at.values() },
    tallies: { accounts: accounts.tally, leads: leadTally, activities: activityTally },
  };
}

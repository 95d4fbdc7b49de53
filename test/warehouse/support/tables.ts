/**
 * A dataset as the canonical warehouse tables (src/warehouse/schema.ts), decoded from the same
 * columnar dataset the engine scores, so the SQL and the engine read identical data. Written as
 * CSV files that DuckDB and PostgreSQL both load: NULL is an empty unquoted field, text is always
 * quoted (an empty text stays empty).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Column, Dataset, DictColumn } from '../../../src/engine/model/columns';
import { FORECAST_CATEGORIES, OPPORTUNITY_STATUSES, QUALIFICATION_CRITERIA } from '../../../src/engine/model/stages';
import {
  CANONICAL_TABLES,
  LEAD_STAGE_COLUMNS,
  type CustomColumns,
  type TableColumn,
} from '../../../src/warehouse/schema';
import type { SqlType } from '../../../src/warehouse/sql/ast';

export type Cell = string | number | boolean | null;

export interface TableData {
  readonly name: string;
  readonly columns: readonly TableColumn[];
  readonly rows: Cell[][];
}

const ts = (ms: number): Cell =>
  Number.isNaN(ms) ? null : new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
const n = (v: number): Cell => (Number.isNaN(v) ? null : v);
const dict = (c: DictColumn, i: number): Cell => {
  const code = c.codes[i]!;
  return code < 0 ? null : c.values[code]!;
};
const cell = (c: Column, i: number): Cell => (c.kind === 'num' ? n(c.values[i]!) : dict(c, i));
const customCols = (custom: Readonly<Record<string, Column>>): TableColumn[] =>
  Object.entries(custom).map(([name, c]) => ({ name, type: c.kind === 'num' ? 'double' : 'text', description: '' }));
const base = (name: string) => CANONICAL_TABLES.find((t) => t.name === name)!.columns;

/** The custom columns of the dataset and their kinds, as the compiler takes them. */
export function customColumnsOf(ds: Dataset): CustomColumns {
  const kinds = (custom: Readonly<Record<string, Column>>) =>
    Object.fromEntries(Object.entries(custom).map(([k, c]) => [k, c.kind === 'num' ? 'number' : 'text'] as const));
  return { leads: kinds(ds.leads.custom), accounts: kinds(ds.accounts.custom), complete: true };
}

export function datasetTables(ds: Dataset): TableData[] {
  const L = ds.leads;
  const A = ds.accounts;
  const O = ds.opportunities;
  const leadCustom = Object.entries(L.custom);
  const accountCustom = Object.entries(A.custom);
  const leads: Cell[][] = [];
  for (let i = 0; i < L.count; i++) {
    const acc = L.account[i]!;
    leads.push([
      L.id[i]!,
      ts(L.createdAt[i]!),
      acc < 0 ? null : A.id[acc]!,
      dict(L.email, i),
      dict(L.title, i),
      dict(L.persona, i),
      dict(L.seniority, i),
      dict(L.country, i),
      dict(L.source, i),
      dict(L.campaign, i),
      dict(L.owner, i),
      L.isBot[i] === 1,
      ...LEAD_STAGE_COLUMNS.map((s) => ts(L.stageAt[s][i]!)),
      dict(L.disqualifiedReason, i),
      ...leadCustom.map(([, c]) => cell(c, i)),
    ]);
  }
  const accounts: Cell[][] = [];
  for (let i = 0; i < A.count; i++) {
    accounts.push([
      A.id[i]!,
      dict(A.name, i),
      dict(A.industry, i),
      n(A.employees[i]!),
      n(A.annualRevenueCents[i]! / 100),
      dict(A.region, i),
      dict(A.techStack, i),
      ...accountCustom.map(([, c]) => cell(c, i)),
    ]);
  }
  const act = ds.activities;
  const activities: Cell[][] = [];
  for (let i = 0; i < L.count; i++) {
    for (let j = act.start[i]!; j < act.start[i + 1]!; j++)
      activities.push([L.id[i]!, act.typeNames[act.type[j]!]!, ts(act.at[j]!), n(act.value[j]!)]);
  }
  const opportunities: Cell[][] = [];
  const stages: Cell[][] = [];
  const changes: Cell[][] = [];
  for (let j = 0; j < O.count; j++) {
    const lead = O.lead[j]!;
    const acc = O.account[j]!;
    opportunities.push([
      O.id[j]!,
      acc < 0 ? null : A.id[acc]!,
      lead < 0 ? null : L.id[lead]!,
      ts(O.createdAt[j]!),
      dict(O.owner, j),
      n(O.amountCents[j]! / 100),
      ts(O.closeDate[j]!),
      OPPORTUNITY_STATUSES[O.status[j]!]!,
      dict(O.stage, j),
      dict(O.sourcedBy, j),
      ...QUALIFICATION_CRITERIA.map((q) => {
        const v = O.qualification[q]?.[j] ?? -1;
        return v < 0 ? null : v === 1;
      }),
    ]);
    for (let k = O.history.start[j]!; k < O.history.start[j + 1]!; k++)
      stages.push([O.id[j]!, O.stageNames[O.history.stage[k]!]!, ts(O.history.at[k]!)]);
    const ch = O.changes;
    for (let k = ch.start[j]!; k < ch.start[j + 1]!; k++) {
      const stage = ch.stage[k]!;
      const category = ch.forecastCategory[k]!;
      changes.push([
        O.id[j]!,
        ts(ch.at[k]!),
        stage < 0 ? null : O.stageNames[stage]!,
        n(ch.amountCents[k]! / 100),
        ts(ch.closeDate[k]!),
        n(ch.probability[k]!),
        category < 0 ? null : FORECAST_CATEGORIES[category]!,
      ]);
    }
  }
  const plan: Cell[][] = [...ds.quotas].map(([q, cents]) => [q, cents / 100]);
  return [
    { name: 'leads', columns: [...base('leads'), ...customCols(L.custom)], rows: leads },
    { name: 'accounts', columns: [...base('accounts'), ...customCols(A.custom)], rows: accounts },
    { name: 'activities', columns: base('activities'), rows: activities },
    { name: 'opportunities', columns: base('opportunities'), rows: opportunities },
    { name: 'opportunity_stages', columns: base('opportunity_stages'), rows: stages },
    { name: 'opportunity_history', columns: base('opportunity_history'), rows: changes },
    { name: 'plan', columns: base('plan'), rows: plan },
  ];
}

function csvCell(v: Cell, type: SqlType): string {
  if (v === null) return '';
  if (type === 'text') return `"${String(v).replaceAll('"', '""')}"`;
  return String(v);
}

/** Writes each table as `<dir>/<name>.csv` (header row, then rows). */
export function writeTables(dir: string, tables: readonly TableData[]): void {
  mkdirSync(dir, { recursive: true });
  for (const t of tables) {
    const lines = [t.columns.map((c) => `"${c.name.replaceAll('"', '""')}"`).join(',')];
    for (const r of t.rows) lines.push(r.map((v, k) => csvCell(v, t.columns[k]!.type)).join(','));
    writeFileSync(join(dir, `${t.name}.csv`), `${lines.join('\n')}\n`);
  }
}

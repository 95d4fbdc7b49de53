/**
 * Reader of the canonical JSON document (SPEC §3 in camelCase): text in, row records and an import
 * report out. Never throws on bad data. Each array is reported as its own file, e.g.
 * `dataset.json#leads`, with row = index + 1.
 */
import { emptyRecordSet, type RecordSet, type TouchRecord } from '../../engine/model/records';
import { ReportBuilder, type ImportReport } from '../report';
import { MAX_JSON_DEPTH, jsonDepth } from '../source/json-depth';
import { currency as currencySchema, month, text } from './json-fields';
import { readJsonRate } from './json-rates';
import { readAccount, readActivity, readLead, readOpportunity, readQuota, readTouch } from './json-entities';
import { JsonFile, isObject, own, preview, type JsonObject } from './json-record';
import type { IdRefs } from './json-refs';

const TOP_KEYS = new Set([
  'name',
  'currency',
  'fiscalYearStartMonth',
  'quotas',
  'currencyRates',
  'accounts',
  'leads',
  'activities',
  'opportunities',
  'touches',
]);
/** Arrays the format expects; `touches` and `quotas` may be left out. */
const EXPECTED_ARRAYS = ['accounts', 'leads', 'activities', 'opportunities'] as const;

/** Runs `read` over one array of the document with its own tally; returns the records kept. */
function eachRecord<T>(
  doc: JsonObject,
  key: string,
  fileName: string,
  report: ReportBuilder,
  read: (f: JsonFile, raw: unknown, row: number) => T | undefined,
): T[] | undefined {
  const raw = own(doc, key);
  if (raw === undefined || raw === null) {
    if ((EXPECTED_ARRAYS as readonly string[]).includes(key)) report.warn(fileName, `no "${key}" array: none imported`);
    return undefined;
  }
  if (!Array.isArray(raw)) {
    report.warn(fileName, `"${key}" is not an array (${preview(raw)}): none imported`);
    return undefined;
  }
  const f = new JsonFile(`${fileName}#${key}`, report);
  const out: T[] = [];
  raw.forEach((item, i) => {
    f.tally.row(i + 1);
    const r = read(f, item, i + 1);
    if (r !== undefined) out.push(r);
  });
  f.end();
  return out;
}

/** A top-level setting: invalid values are reported and the default kept. */
function setting<T>(
  doc: JsonObject,
  key: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  fileName: string,
  report: ReportBuilder,
): T | undefined {
  const v = own(doc, key);
  if (v === undefined || v === null) return undefined;
  const p = schema.safeParse(typeof v === 'string' ? v.trim() : v);
  if (p.success) return p.data;
  report.warn(fileName, `"${key}" ${preview(v)} is not valid: the default is used`);
  return undefined;
}

/**
 * Reads the canonical JSON. Money (`amount`, `annualRevenue`, `quota`) is in currency units and
 * becomes integer cents; dates are ISO-8601 strings and become epoch ms (UTC). Touches may be
 * top-level or nested in opportunities (nested ones follow the top-level ones). Defaults: currency
 * USD, fiscal year starting in January, name from the document, else the file name.
 */
export function readCanonicalJson(
  textIn: string,
  fileName = 'dataset.json',
): { records: RecordSet; report: ImportReport } {
  const report = new ReportBuilder();
  const fallbackName =
    fileName
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.json$/i, '') || 'Imported dataset';
  const depth = jsonDepth(textIn);
  if (depth > MAX_JSON_DEPTH) {
    report.warn(
      fileName,
      `nested more than ${MAX_JSON_DEPTH} levels deep (the canonical JSON nests 5): refused, nothing was read`,
    );
    return { records: emptyRecordSet(fallbackName), report: report.build() };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn);
  } catch (e) {
    report.warn(fileName, `not valid JSON (${e instanceof Error ? e.message : String(e)}): nothing was read`);
    return { records: emptyRecordSet(fallbackName), report: report.build() };
  }
  if (!isObject(doc)) {
    report.warn(fileName, 'the document is not a JSON object: nothing was read');
    return { records: emptyRecordSet(fallbackName), report: report.build() };
  }
  const unknownTop = Object.keys(doc).filter((k) => !TOP_KEYS.has(k));
  if (unknownTop.length > 0) report.warn(fileName, `top-level keys not imported: ${unknownTop.join(', ')}`);

  const refs: IdRefs = {};
  const ids = <T extends { id: string }>(rows: T[] | undefined) => (rows ? new Set(rows.map((r) => r.id)) : undefined);
  const seen = () => new Map<string, number>();

  const accountsSeen = seen();
  const accounts = eachRecord(doc, 'accounts', fileName, report, (f, raw, row) =>
    readAccount(f, raw, accountsSeen, row),
  );
  refs.accounts = ids(accounts);
  const leadsSeen = seen();
  const leads = eachRecord(doc, 'leads', fileName, report, (f, raw, row) => readLead(f, raw, refs, leadsSeen, row));
  refs.leads = ids(leads);
  const oppSeen = seen();
  const opps = eachRecord(doc, 'opportunities', fileName, report, (f, raw, row) =>
    readOpportunity(f, raw, refs, oppSeen, row),
  );
  const opportunities = opps?.map((o) => o.record);
  refs.opportunities = ids(opportunities);
  const activities = eachRecord(doc, 'activities', fileName, report, (f, raw) => readActivity(f, raw, refs));
  const topTouches = eachRecord(doc, 'touches', fileName, report, (f, raw) => readTouch(f, raw, refs));
  const touches: TouchRecord[] = [...(topTouches ?? []), ...(opps ?? []).flatMap((o) => o.touches)];
  const quotasSeen = seen();
  const quotas = eachRecord(doc, 'quotas', fileName, report, (f, raw, row) => readQuota(f, raw, quotasSeen, row));

  const name = setting(doc, 'name', text.min(1), fileName, report);
  const currency = setting(doc, 'currency', currencySchema, fileName, report) ?? 'USD';
  const ratesSeen = seen();
  const rates = eachRecord(doc, 'currencyRates', fileName, report, (f, raw, row) =>
    readJsonRate(f, raw, ratesSeen, row, currency),
  );
  const records: RecordSet = {
    name: name ?? fallbackName,
    plan: {
      currency,
      fiscalYearStartMonth: setting(doc, 'fiscalYearStartMonth', month, fileName, report) ?? 1,
      quotas: quotas ?? [],
      ...(rates ? { currencyRates: rates } : {}),
    },
    accounts: accounts ?? [],
    leads: leads ?? [],
    activities: activities ?? [],
    opportunities: opportunities ?? [],
    touches,
  };
  return { records, report: report.build() };
}

/**
 * Reads one record of the canonical JSON against a table of zod field schemas, with the same
 * outcomes as the CSV reader: a missing or invalid required field rejects the record, an invalid
 * optional field is dropped (a repair), unknown keys are returned for the caller to keep as custom
 * attributes. Keys are read as own properties only, so `__proto__` in the input changes nothing.
 */
import type { z } from 'zod';
import type { CustomAttributes } from '../../engine/model/records';
import type { FileTally, ReportBuilder } from '../report';
import { REFUSED_HEADERS } from './columns';
import { amountUnknownMessage } from './read-opportunities';

export interface FieldSpec {
  readonly schema: z.ZodType;
  readonly required?: boolean;
  /** An optional field whose invalid value still rejects the record (an amount: absent = unknown). */
  readonly strict?: boolean;
}
export type Shape = Readonly<Record<string, FieldSpec>>;
export type Values<S extends Shape> = { [K in keyof S]?: z.output<S[K]['schema']> };

export type JsonObject = Readonly<Record<string, unknown>>;

/** A JSON object (not an array, not null). */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property's value; inherited ones (`constructor`, `__proto__`) read as absent. */
export function own(o: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** Short text of a value for an issue: never the whole of a large object. */
export function preview(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** Per-file state shared by the records of one array: its tally and aggregated key warnings. */
export class JsonFile {
  readonly tally: FileTally;
  private readonly refused = new Set<string>();
  private readonly dropped = new Set<string>();
  /** Opportunities kept with their amount unknown; said once when the file ends. */
  unknownAmounts = 0;

  constructor(
    readonly file: string,
    private readonly report: ReportBuilder,
  ) {
    this.tally = report.file(file);
  }

  /** Checks the fields of `raw`; returns the parsed values, or undefined when not an object. */
  fields<S extends Shape>(raw: unknown, shape: S): Values<S> | undefined {
    const { tally } = this;
    if (!isObject(raw)) {
      tally.reject(undefined, preview(raw), 'not an object');
      return undefined;
    }
    const values: Record<string, unknown> = {};
    for (const [key, spec] of Object.entries(shape)) {
      let v = own(raw, key);
      if (typeof v === 'string') {
        const t = v.trim();
        if (t !== v && t !== '') tally.repair(key, v, 'surrounding whitespace trimmed');
        v = t === '' ? undefined : t;
      }
      if (v === undefined || v === null) {
        if (spec.required) tally.reject(key, undefined, `missing required field ${key}`);
        continue;
      }
      const parsed = spec.schema.safeParse(v);
      if (parsed.success) {
        values[key] = parsed.data;
        continue;
      }
      const reason = parsed.error.issues[0]?.message ?? 'invalid value';
      if (spec.required || spec.strict) tally.reject(key, preview(v), reason);
      else tally.repair(key, preview(v), `${reason}: value dropped`);
    }
    return values as Values<S>;
  }

  /**
   * Keys of `raw` outside `known` as custom attributes (text kept verbatim, numbers and booleans
   * as text, objects as JSON text, which is a repair). A nested `custom` object is merged in.
   * Refused names are dropped and reported once per file.
   */
  custom(raw: JsonObject, known: ReadonlySet<string>): CustomAttributes {
    const out = Object.create(null) as CustomAttributes;
    const put = (key: string, v: unknown) => {
      if (REFUSED_HEADERS.has(key.toLowerCase())) return void this.refused.add(key);
      if (v === null || v === undefined) return;
      if (typeof v === 'string') out[key] = v;
      else if (typeof v === 'number' || typeof v === 'boolean') out[key] = String(v);
      else {
        out[key] = JSON.stringify(v);
        this.tally.repair(key, preview(v), 'structured value kept as JSON text');
      }
    };
    for (const key of Object.keys(raw)) {
      if (key === 'custom' && isObject(raw[key])) continue;
      if (!known.has(key)) put(key, raw[key]);
    }
    const nested = own(raw, 'custom');
    if (isObject(nested)) for (const key of Object.keys(nested)) put(key, nested[key]);
    return out;
  }

  /** Notes keys of a record that carries no custom attributes; reported once per file. */
  noteUnknown(raw: JsonObject, known: ReadonlySet<string>): void {
    for (const key of Object.keys(raw)) if (!known.has(key)) this.dropped.add(key);
  }

  /** Closes the tally and reports the aggregated key warnings. */
  end(): void {
    this.tally.end();
    if (this.unknownAmounts > 0) this.report.warn(this.file, amountUnknownMessage(this.unknownAmounts, true));
    if (this.refused.size > 0) {
      this.report.warn(
        this.file,
        `keys refused (reserved names), their values not imported: ${[...this.refused].join(', ')}`,
      );
    }
    if (this.dropped.size > 0) {
      this.report.warn(
        this.file,
        `keys not imported (these records carry no custom attributes): ${[...this.dropped].sort().join(', ')}`,
      );
    }
  }
}

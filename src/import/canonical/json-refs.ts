/** References and duplicate ids between the arrays of the canonical JSON (same rules as the CSV). */
import { own, type JsonFile, type JsonObject } from './json-record';

/** Ids read so far per array; `undefined` when the document has no such array (left unchecked). */
export interface IdRefs {
  accounts?: ReadonlySet<string>;
  leads?: ReadonlySet<string>;
  opportunities?: ReadonlySet<string>;
}

/** Rejects a record whose id an earlier kept record holds, naming both rows; else records the id. */
export function checkDuplicate(
  f: JsonFile,
  id: string | undefined,
  seen: Map<string, number>,
  row: number,
  key = 'id',
): void {
  if (id === undefined) return;
  const first = seen.get(id);
  if (first !== undefined) {
    f.tally.reject(key, id, `duplicate ${key} "${id}": rows ${first} and ${row} (row ${first} kept)`);
  } else if (!f.tally.isRejected) {
    seen.set(id, row);
  }
}

/**
 * An optional reference: kept when it resolves (or when the referenced array is absent); an
 * unknown id is dropped, which repairs the record.
 */
export function optionalRef(
  f: JsonFile,
  raw: JsonObject,
  key: string,
  ids: ReadonlySet<string> | undefined,
  target: string,
): string | undefined {
  const v = own(raw, key);
  if (v === undefined || v === null || v === '') return undefined;
  const isId = (typeof v === 'string' && v.trim() !== '') || Number.isInteger(v);
  if (!isId) {
    f.tally.repair(key, String(v), 'expected an id (text or a whole number): reference dropped');
    return undefined;
  }
  const id = String(v).trim();
  if (id !== String(v)) f.tally.repair(key, String(v), 'surrounding whitespace trimmed');
  if (ids === undefined || ids.has(id)) return id;
  f.tally.repair(key, id, `${key} "${id}" not found in ${target}: reference dropped`);
  return undefined;
}

/** A required reference that must resolve; otherwise the record is rejected as an orphan. */
export function requiredRef(
  f: JsonFile,
  key: string,
  id: string | undefined,
  ids: ReadonlySet<string> | undefined,
  target: string,
): void {
  if (id === undefined || ids?.has(id)) return;
  f.tally.reject(
    key,
    id,
    `orphan reference: ${key} "${id}" not found in ${target}${ids ? '' : ' (the document has no such array)'}`,
  );
}

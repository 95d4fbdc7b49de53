/**
 * Saved column mappings in localStorage, validated with zod on every read and versioned. Corrupt or
 * unknown-version storage is not trusted: it is set aside and the user is told; a full storage
 * fails the save with a message instead of throwing out of a click handler.
 */
import { z } from 'zod';
import { mappingSchema, type Mapping } from '../../import/mapping/schema';

export const STORAGE_KEY = 'revlens.saved-mappings';
const STORE_VERSION = 1;

const storeSchema = z.strictObject({ version: z.literal(STORE_VERSION), mappings: z.array(mappingSchema).max(50) });

export interface SavedMappings {
  readonly mappings: readonly Mapping[];
  /** Set when stored data was unreadable and ignored. */
  readonly problem?: string;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadSavedMappings(): SavedMappings {
  const raw = storage()?.getItem(STORAGE_KEY);
  if (raw === null || raw === undefined) return { mappings: [] };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { mappings: [], problem: 'Saved mappings were not valid JSON and were ignored.' };
  }
  const r = storeSchema.safeParse(json);
  if (!r.success)
    return {
      mappings: [],
      problem: `Saved mappings were unreadable (${r.error.issues[0]?.message ?? 'invalid'}) and were ignored.`,
    };
  return { mappings: r.data.mappings };
}

/** Saves (or replaces, by name) a mapping; returns an error message on failure. */
export function saveMapping(mapping: Mapping): string | undefined {
  const s = storage();
  if (!s) return 'This browser does not allow saving (no local storage).';
  const current = loadSavedMappings().mappings.filter((m) => m.name !== mapping.name);
  const next = { version: STORE_VERSION, mappings: [mapping, ...current].slice(0, 50) };
  try {
    s.setItem(STORAGE_KEY, JSON.stringify(next));
    return undefined;
  } catch (e) {
    return `The mapping could not be saved: ${(e as Error).message}`;
  }
}

export function deleteMapping(name: string): void {
  const s = storage();
  if (!s) return;
  const next = { version: STORE_VERSION, mappings: loadSavedMappings().mappings.filter((m) => m.name !== name) };
  try {
    s.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Removing can only shrink the data; a failure leaves the old list, which is still valid.
  }
}

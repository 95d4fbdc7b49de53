/**
 * The stage → forecast category map's edits over the default map: kept in the URL as
 * `cat.<stage>=<category>` (only the stages whose category differs from the default) and saved
 * with rule sets (./rule-storage.ts), so a link and a saved rule set both restore it.
 */
import { FORECAST_CATEGORIES, type ForecastCategory } from '../engine/model/stages';

/** Stage name → its category where it differs from the default map; empty: the default map. */
export type StageCategoryEdits = Readonly<Record<string, ForecastCategory>>;

export const STAGE_CATEGORY_PREFIX = 'cat.';

export const isForecastCategory = (v: unknown): v is ForecastCategory =>
  (FORECAST_CATEGORIES as readonly unknown[]).includes(v);

/** The edits the URL carries; a parameter whose value is not a category is ignored. */
export function readStageCategories(params: URLSearchParams): Record<string, ForecastCategory> {
  const out: Record<string, ForecastCategory> = {};
  for (const [key, raw] of params) {
    const stage = key.slice(STAGE_CATEGORY_PREFIX.length);
    if (key.startsWith(STAGE_CATEGORY_PREFIX) && stage !== '' && isForecastCategory(raw)) out[stage] = raw;
  }
  return out;
}

/** Replaces the URL's edits with `edits` (none: the default map). */
export function writeStageCategories(params: URLSearchParams, edits: StageCategoryEdits): void {
  for (const key of [...params.keys()]) if (key.startsWith(STAGE_CATEGORY_PREFIX)) params.delete(key);
  for (const [stage, category] of Object.entries(edits)) params.set(`${STAGE_CATEGORY_PREFIX}${stage}`, category);
}

/**
 * Edits read back from storage: every entry whose stage is a non-empty name and whose value is a
 * category is kept; `dropped` counts the others. Not an object: no edits, nothing dropped.
 */
export function parseStageCategoryEdits(value: unknown): {
  readonly edits: StageCategoryEdits;
  readonly dropped: number;
} {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { edits: {}, dropped: 0 };
  const edits: Record<string, ForecastCategory> = Object.create(null) as Record<string, ForecastCategory>;
  let dropped = 0;
  for (const [stage, category] of Object.entries(value)) {
    if (stage !== '' && isForecastCategory(category)) edits[stage] = category;
    else dropped++;
  }
  return { edits: { ...edits }, dropped };
}

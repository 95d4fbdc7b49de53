import { isoDate, isoInstant } from '../../engine/time';
import type { DatasetContext } from '../context';
import { REPORT_SECTIONS } from '../report-sections';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Adds `from`'s keys to `into`; where both hold an object under a key, their keys are merged in turn. */
function mergeJson(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(from)) {
    const here = into[k];
    if (isObject(here) && isObject(v)) mergeJson(here, v);
    else into[k] = v;
  }
}

/**
 * `revlens report <dataset>`: every section's figures, as JSON or a readable summary. `asOf` is the
 * day, `asOfInstant` the exact instant every figure is computed at (ISO 8601, UTC).
 */
export function runReport(ctx: DatasetContext): string {
  if (ctx.options.json) {
    const out: Record<string, unknown> = {
      dataset: ctx.dataset.meta.name,
      asOf: isoDate(ctx.asOf),
      asOfInstant: new Date(ctx.asOf).toISOString(),
    };
    for (const s of REPORT_SECTIONS) mergeJson(out, s.json(ctx));
    return JSON.stringify(out, null, 2);
  }
  const lines = [`RevLens report: ${ctx.dataset.meta.name}, as of ${isoInstant(ctx.asOf)}`, ''];
  for (const s of REPORT_SECTIONS) lines.push(...s.text(ctx), '');
  return lines.join('\n');
}

import { isoDate, isoInstant } from '../../engine/time';
import type { DatasetContext } from '../context';
import { REPORT_SECTIONS } from '../report-sections';

/**
 * `revlens report <dataset>`: every section's figures, as JSON or a readable summary. `asOf` is the
 * day, `asOfInstant` the exact instant every figure is computed at (ISO 8601, UTC).
 */
export function runReport(ctx: DatasetContext): string {
  if (ctx.options.json) {
    const out: Record<string, unknown> = { dataset: ctx.dataset.meta.name, asOf: isoDate(ctx.asOf), asOfInstant: new Date(ctx.asOf).toISOString() };
    for (const s of REPORT_SECTIONS) Object.assign(out, s.json(ctx));
    return JSON.stringify(out, null, 2);
  }
  const lines = [`RevLens report: ${ctx.dataset.meta.name}, as of ${isoInstant(ctx.asOf)}`, ''];
  for (const s of REPORT_SECTIONS) lines.push(...s.text(ctx), '');
  return lines.join('\n');
}

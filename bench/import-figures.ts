/**
 * The import figures of one size: `importMs` (the whole canonical company through the app's
 * importer, report included) and `importPeakRssMb`. Not measured by this benchmark yet: each is
 * null, with the reason in `importNote`.
 */
import type { Timing } from './stats';

export interface ImportFigures {
  readonly importMs: Timing | null;
  readonly importPeakRssMb: number | null;
  /** Why a figure is null. */
  readonly importNote?: string;
}

export async function measureImport(_dir: string, _leads: number, _runs: number, _log: (line: string) => void): Promise<ImportFigures> {
  return { importMs: null, importPeakRssMb: null, importNote: 'not measurable — needs the streaming importer to time the whole canonical company' };
}

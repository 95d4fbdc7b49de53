/**
 * What an import preset is. Each preset is one module exporting one `ImportPreset`, listed once in
 * `registry.ts`; the import, the CLI and the Data view know presets only through the registry.
 */
import type { ParsedFile, PresetResult } from './types';

export interface ImportPreset {
  /** The `--preset` value, the import's mode, and the key of every per-preset table (`PresetId`). */
  readonly id: string;
  /** The source it reads, as the CLI help names it: "Salesforce". */
  readonly name: string;
  /** The files and columns it reads, in a sentence, for the CLI help. */
  readonly reads: string;
  /** Whether this file makes the selection this preset's (from its header, or its name and header). */
  readonly detects: (file: ParsedFile) => boolean;
  /**
   * When detection asks it. `first`: a preset known by header names of its own (a CRM's). `last`:
   * one known by names any export may carry (the canonical folder: a Salesforce Lead export saved
   * as leads.csv has its key column, `Id`, too). Within each, in registry order.
   */
  readonly detectOrder: 'first' | 'last';
  /**
   * Whether its large files may be read as they stream by, never held whole. Only for a preset
   * whose `read` maps columns one to one from the header alone: no computed column, no row check,
   * no row of one file read for another.
   */
  readonly streams: boolean;
  /** Its files as tables mapped to canonical ones; files it cannot read come back in `unread`. */
  readonly read: (files: readonly ParsedFile[]) => PresetResult;
}

/**
 * What reads each parsed file: the user's mapping for the files it names, else the preset forced
 * or detected (see presets/registry.ts). Files nothing reads are left for the mapping screen.
 */
import type { ImportMode, ImportOptions } from './import-types';
import type { Mapping } from './mapping/schema';
import { IMPORT_PRESETS, PRESET_BY_ID, type PresetId } from './presets/registry';
import { baseName, type ParsedFile, type PresetResult, type PresetTable } from './presets/types';

/** The presets in the order detection asks them: every `first` one, then every `last` one. */
const DETECTION_ORDER: readonly (typeof IMPORT_PRESETS)[number][] = [
  ...IMPORT_PRESETS.filter((p) => p.detectOrder === 'first'),
  ...IMPORT_PRESETS.filter((p) => p.detectOrder === 'last'),
];

/** The preset the files look like, or undefined when none fits. */
export function detectPreset(files: readonly ParsedFile[]): PresetId | undefined {
  if (files.length === 0) return undefined;
  return DETECTION_ORDER.find((p) => files.some(p.detects))?.id;
}

function mappingPreset(
  files: readonly ParsedFile[],
  mapping: Mapping,
): { result: PresetResult; unmapped: ParsedFile[] } {
  const tables: PresetTable[] = [];
  const warnings: [string, string][] = [];
  const unmapped: ParsedFile[] = [];
  for (const file of files) {
    const tm = mapping.tables.find((t) => baseName(t.file).toLowerCase() === baseName(file.name).toLowerCase());
    if (!tm) unmapped.push(file);
    else if (tm.target === 'skip') warnings.push([file.name, `left out, as mapping "${mapping.name}" says`]);
    else tables.push({ file, mapping: tm });
  }
  return { result: { tables, warnings }, unmapped };
}

/** How the files are read, the tables they give, and the files nothing read (`rest`). */
export function pickReaders(
  parsed: readonly ParsedFile[],
  opts: Pick<ImportOptions, 'preset' | 'mapping'>,
): { mode: ImportMode; result: PresetResult; rest: ParsedFile[] } {
  if (opts.mapping) {
    // The mapping wins for the files it names; the others are read as a preset would, if one fits.
    const m = mappingPreset(parsed, opts.mapping);
    const preset = opts.preset ?? detectPreset(m.unmapped);
    const byPreset =
      preset === undefined ? { tables: [], warnings: [], unread: m.unmapped } : PRESET_BY_ID[preset].read(m.unmapped);
    return {
      mode: 'mapping',
      result: {
        tables: [...m.result.tables, ...byPreset.tables],
        warnings: [...m.result.warnings, ...byPreset.warnings],
      },
      rest: [...(byPreset.unread ?? [])],
    };
  }
  const preset = opts.preset ?? detectPreset(parsed);
  if (preset === undefined) return { mode: 'mapping', result: { tables: [], warnings: [] }, rest: [...parsed] };
  const result = PRESET_BY_ID[preset].read(parsed);
  return { mode: preset, result, rest: [...(result.unread ?? [])] };
}

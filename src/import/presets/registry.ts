/**
 * Every import preset, once. A new preset is its module (one `ImportPreset`) and one line here;
 * `PresetId` then holds its id, and the compiler names every table keyed by `PresetId` that must
 * say something about it.
 */
import { canonicalPreset } from './canonical';
import { hubspotPreset } from './hubspot';
import type { ImportPreset } from './preset';
import { salesforcePreset } from './salesforce';

/** The presets in the order the CLI lists them (detection order: see `ImportPreset.detectOrder`). */
export const IMPORT_PRESETS = [
  canonicalPreset,
  salesforcePreset,
  hubspotPreset,
] as const satisfies readonly ImportPreset[];

export type PresetId = (typeof IMPORT_PRESETS)[number]['id'];

export const PRESET_IDS: readonly PresetId[] = IMPORT_PRESETS.map((p) => p.id);

/** Each preset by its id. */
export const PRESET_BY_ID = Object.fromEntries(IMPORT_PRESETS.map((p) => [p.id, p])) as Readonly<
  Record<PresetId, ImportPreset>
>;

export function isPresetId(value: string): value is PresetId {
  return (PRESET_IDS as readonly string[]).includes(value);
}

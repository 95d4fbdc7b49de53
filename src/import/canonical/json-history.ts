/**
 * Nested lists of the canonical JSON records: stage histories, qualification checklists and an
 * opportunity's touches. A bad entry is dropped and the record repaired; the record survives.
 */
import { z } from 'zod';
import type { Qualification, StageEvent } from '../../engine/model/records';
import { QUALIFICATION_CRITERIA, type QualificationCriterion } from '../../engine/model/stages';
import { instant, text } from './json-fields';
import { isObject, preview, type JsonFile } from './json-record';

const nonBlank = text.trim().min(1, 'must not be empty');
const stageEvent = z.object({ stage: nonBlank, enteredAt: instant });
const nestedTouch = z.object({ channel: nonBlank, at: instant });

function firstIssue(e: z.ZodError): string {
  const i = e.issues[0];
  return i ? `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}` : 'invalid entry';
}

/** Entries of a list field, or a repair when the field is not a list. */
function entries(f: JsonFile, key: string, raw: unknown): unknown[] {
  if (raw === undefined || raw === null) return [];
  if (Array.isArray(raw)) return raw;
  f.tally.repair(key, preview(raw), `${key} is not a list: dropped`);
  return [];
}

/**
 * A stage history `[{stage, enteredAt}]` → events in time order (epoch ms). `isStage` limits the
 * stage names; a stable sort keeps same-instant entries and backwards moves as recorded. A history
 * that needed sorting is repaired.
 */
export function readHistory<S extends string>(
  f: JsonFile,
  raw: unknown,
  isStage: (s: string) => s is S,
  stageHint: string,
): StageEvent<S>[] {
  const events: StageEvent<S>[] = [];
  entries(f, 'stageHistory', raw).forEach((e, i) => {
    const p = stageEvent.safeParse(e);
    if (!p.success)
      return f.tally.repair('stageHistory', preview(e), `stageHistory[${i}] dropped: ${firstIssue(p.error)}`);
    const { stage, enteredAt } = p.data;
    if (!isStage(stage))
      return f.tally.repair('stageHistory', stage, `stageHistory[${i}] dropped: unknown stage (${stageHint})`);
    events.push({ stage, at: enteredAt });
  });
  const sorted = [...events].sort((a, b) => a.at - b.at);
  if (sorted.some((e, i) => e !== events[i]))
    f.tally.repair('stageHistory', undefined, 'stageHistory sorted by enteredAt');
  return sorted;
}

const CRITERIA: ReadonlySet<string> = new Set(QUALIFICATION_CRITERIA);

/** `{budget: true, need: false, …}` → Qualification; null means not recorded. */
export function readQualification(f: JsonFile, raw: unknown): Qualification {
  const q: Qualification = {};
  if (raw === undefined || raw === null) return q;
  if (!isObject(raw)) {
    f.tally.repair('qualification', preview(raw), 'qualification is not an object: dropped');
    return q;
  }
  for (const [key, v] of Object.entries(raw)) {
    if (!CRITERIA.has(key)) f.tally.repair('qualification', key, `unknown criterion "${key}" dropped`);
    else if (typeof v === 'boolean') q[key as QualificationCriterion] = v;
    else if (v !== null) f.tally.repair(`qualification.${key}`, preview(v), 'not true/false: read as not recorded');
  }
  return q;
}

/** An opportunity's nested touches `[{channel, at}]` → {channel, at(ms)} entries. */
export function readNestedTouches(f: JsonFile, raw: unknown): { channel: string; at: number }[] {
  const out: { channel: string; at: number }[] = [];
  entries(f, 'touches', raw).forEach((e, i) => {
    const p = nestedTouch.safeParse(e);
    if (p.success) out.push(p.data);
    else f.tally.repair('touches', preview(e), `touches[${i}] dropped: ${firstIssue(p.error)}`);
  });
  return out;
}

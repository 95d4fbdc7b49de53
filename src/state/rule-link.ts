/**
 * The rule set in use, carried by a link: the `rules` search parameter. Compact (only the parts that
 * differ from the defaults, deflated, base64url), versioned (`1.` prefix) and validated (a checksum
 * against tampering, then the rule-set schema). A value that fails any check is refused with a
 * notice saying why; it never scores.
 *
 *   rules=1.<checksum>.<base64url(deflate(JSON {n?: name, r: parts that differ from the defaults}))>
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { z } from 'zod';
import { DEFAULT_RULE_SET } from '../engine/scoring/defaults';
import type { RuleSet } from '../engine/scoring/rules';
import { clampRuleSet } from '../engine/scoring/validate';
import { ruleSetSchema } from './rule-set-schema';

/** The search parameter that carries the rule set. */
export const RULES_PARAM = 'rules';
/** The encoding's version; a link of another version is refused with a notice. */
export const RULE_LINK_VERSION = 1;
/** Longest accepted parameter (characters): far above any real rule set, bounds the work on bad input. */
const MAX_LENGTH = 20_000;

/** A rule set read from a link, with the name it was saved under (if any). */
export interface LinkedRules {
  readonly rules: RuleSet;
  readonly name: string | null;
}

export type RuleLinkResult =
  { readonly ok: true; readonly linked: LinkedRules } | { readonly ok: false; readonly notice: string };

type Part = keyof RuleSet;
const PARTS = Object.keys(DEFAULT_RULE_SET) as Part[];

/** FNV-1a (32-bit) of a string, base 36: detects an edited link, not an attacker (nothing is secret). */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** JSON with object keys sorted, so equal values give equal text whatever their keys' order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Whether two rule sets are the same settings. */
export function sameRules(a: RuleSet, b: RuleSet): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** The parts of `rules` that differ from the defaults. */
function diffFromDefaults(rules: RuleSet): Partial<RuleSet> {
  const out: Record<string, unknown> = {};
  for (const p of PARTS) if (canonicalJson(rules[p]) !== canonicalJson(DEFAULT_RULE_SET[p])) out[p] = rules[p];
  return out as Partial<RuleSet>;
}

/** The `rules` parameter for a rule set (already within the bounds: every rule set the app holds was clamped where it entered), with its saved name if any. */
export function encodeRuleLink(rules: RuleSet, name: string | null = null): string {
  const r = diffFromDefaults(rules);
  const payload = canonicalJson(name ? { n: name, r } : { r });
  return `${RULE_LINK_VERSION}.${checksum(payload)}.${toBase64Url(deflateSync(strToU8(payload), { level: 9 }))}`;
}

const payloadSchema = z.object({ n: z.string().max(200).optional(), r: z.record(z.string(), z.unknown()) }).strict();

const refused = (why: string): RuleLinkResult => ({
  ok: false,
  notice: `This link's rules could not be read (${why}); your own rules are used instead.`,
});

/** Reads a `rules` parameter; refuses, with a notice, anything that is not a valid rule set of this encoding. */
export function decodeRuleLink(value: string): RuleLinkResult {
  if (value.length > MAX_LENGTH) return refused('it is too long');
  const [version, sum, body, ...rest] = value.split('.');
  if (rest.length > 0 || body === undefined || sum === undefined) return refused('it is not in the expected form');
  if (version !== String(RULE_LINK_VERSION))
    return refused(`it is of version ${version}, this app reads version ${RULE_LINK_VERSION}`);
  const bytes = fromBase64Url(body);
  if (!bytes) return refused('it is not in the expected form');
  let text: string;
  try {
    text = strFromU8(inflateSync(bytes));
  } catch {
    return refused('it is damaged');
  }
  if (checksum(text) !== sum) return refused('it was changed after it was made');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refused('it is damaged');
  }
  const payload = payloadSchema.safeParse(json);
  if (!payload.success) return refused('it is not a rule set');
  const unknownPart = Object.keys(payload.data.r).find((k) => !(PARTS as string[]).includes(k));
  if (unknownPart !== undefined) return refused(`it has an unknown part "${unknownPart}"`);
  const merged = ruleSetSchema.safeParse({ ...DEFAULT_RULE_SET, ...payload.data.r });
  if (!merged.success) return refused(`${merged.error.issues[0]?.path.join('.') || 'a value'} is not valid`);
  return { ok: true, linked: { rules: clampRuleSet(merged.data as RuleSet), name: payload.data.n ?? null } };
}

/** Writes the rule set into search params: removed when it is the defaults (a link then means the defaults). */
export function writeRuleLink(params: URLSearchParams, rules: RuleSet, name: string | null = null): void {
  if (sameRules(rules, DEFAULT_RULE_SET)) params.delete(RULES_PARAM);
  else params.set(RULES_PARAM, encodeRuleLink(rules, name));
}

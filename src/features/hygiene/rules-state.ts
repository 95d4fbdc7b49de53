/**
 * The detectors' rules and the open list, read from and written to the URL: `ft.hours`,
 * `ft.criteria` (comma list), `ft.nosql` (0/1), `pt.by`, `pt.own` (comma list), `rs.to`,
 * `mk.days`, `mk.non` (comma list) and `list` (the detector whose opportunities are shown).
 */
import { DEFAULT_HYGIENE_RULES, type HygieneRules } from '../../engine/hygiene/rules';
import { QUALIFICATION_CRITERIA, type QualificationCriterion } from '../../engine/model/stages';
import { updateSearch, useSearch } from '../../state/url';
import type { DetectorKey } from '../../worker/api';

const list = (v: string | null): string[] | null =>
  v === null
    ? null
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
const number = (v: string | null, min: number, max: number): number | null => {
  const n = Number(v);
  return v !== null && v.trim() !== '' && Number.isFinite(n) && n >= min && n <= max ? n : null;
};

export function parseHygieneRules(p: URLSearchParams): HygieneRules {
  const d = DEFAULT_HYGIENE_RULES;
  const criteria = list(p.get('ft.criteria'))?.filter((c): c is QualificationCriterion =>
    (QUALIFICATION_CRITERIA as readonly string[]).includes(c),
  );
  return {
    fastTrack: {
      maxHoursSqlToSqo: number(p.get('ft.hours'), 0, 24 * 365) ?? d.fastTrack.maxHoursSqlToSqo,
      requiredCriteria: criteria ?? d.fastTrack.requiredCriteria,
      flagMissingSql: p.has('ft.nosql') ? p.get('ft.nosql') !== '0' : d.fastTrack.flagMissingSql,
    },
    passThrough: {
      claimedBy: p.get('pt.by') || d.passThrough.claimedBy,
      ownChannels: list(p.get('pt.own')) ?? d.passThrough.ownChannels,
    },
    restage: { backTo: p.get('rs.to') || d.restage.backTo },
    marketing: {
      windowDays: number(p.get('mk.days'), 0, 3650) ?? d.marketing.windowDays,
      nonMarketingChannels: list(p.get('mk.non')) ?? d.marketing.nonMarketingChannels,
    },
  };
}

export function useHygieneRules(): HygieneRules {
  return parseHygieneRules(useSearch());
}

const DETECTORS: readonly DetectorKey[] = ['fastTrack', 'passThrough', 'restaged', 'marketing'];

export function useOpenList(): DetectorKey | null {
  const v = useSearch().get('list');
  return DETECTORS.find((d) => d === v) ?? null;
}

export const hygieneActions = {
  /** Sets one rule parameter; an empty value restores the default. */
  ruleChanged(key: string, value: string, mode: 'push' | 'replace' = 'replace'): void {
    updateSearch((p) => (value === '' ? p.delete(key) : p.set(key, value)), mode);
  },
  rulesReset(): void {
    updateSearch((p) => {
      for (const k of ['ft.hours', 'ft.criteria', 'ft.nosql', 'pt.by', 'pt.own', 'rs.to', 'mk.days', 'mk.non'])
        p.delete(k);
    });
  },
  listOpened(key: DetectorKey | null): void {
    updateSearch((p) => (key === null ? p.delete('list') : p.set('list', key)));
  },
};

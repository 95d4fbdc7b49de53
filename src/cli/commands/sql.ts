/**
 * `revlens sql --rules rules.json --dialect snowflake --out dir`: writes the dbt project that
 * computes the rule set's lead scores (and the package's other models) in a warehouse.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ruleSetSchema } from '../../state/rule-set-schema';
import { clampRuleSet } from '../../engine/scoring/validate';
import type { RuleSet } from '../../engine/scoring/rules';
import { dbtPackage } from '../../warehouse/dbt';
import type { ScoringInstant } from '../../warehouse/lead-scores';
import type { CustomColumns, CustomKind } from '../../warehouse/schema';
import { DIALECTS, isDialect } from '../../warehouse/sql/ast';
import { CliError, type CliOptions } from '../context';

export const SQL_FLAGS = ['rules', 'dialect', 'out', 'scoring-instant', 'numeric'] as const;

const str = (f: CliOptions['flags'], name: string): string | undefined => {
  const v = f[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v === '') throw new CliError(`--${name} needs a value`, 2);
  return v;
};

function readRules(path: string): RuleSet {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CliError(`cannot read the rule set ${path}: ${(e as Error).message}`);
  }
  const r = ruleSetSchema.safeParse(json);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new CliError(
      `${path} is not a RevLens rule set: ${first ? `${first.path.join('.') || '(top)'}: ${first.message}` : 'invalid'}`,
    );
  }
  return clampRuleSet(r.data as RuleSet);
}

/** `--numeric lead.custom.deal_size,account.custom.seats`: custom columns that read as numbers. */
function customKinds(list: string | undefined): CustomColumns {
  const leads: Record<string, CustomKind> = {};
  const accounts: Record<string, CustomKind> = {};
  for (const ref of (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(lead|account)\.custom\.(.+)$/.exec(ref);
    if (!m)
      throw new CliError(`--numeric takes custom columns as lead.custom.NAME or account.custom.NAME, not "${ref}"`, 2);
    (m[1] === 'lead' ? leads : accounts)[m[2]!] = 'number';
  }
  return { leads, accounts, complete: false };
}

/** The as-of of the package: the end of the given day (SPEC: a date D means the end of D), or the latest event at each run. */
function asOfFrom(d: string | undefined): number | 'latest' {
  if (d === undefined) return 'latest';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !Number.isFinite(Date.parse(`${d}T00:00:00Z`)))
    throw new CliError(`--as-of takes a date as YYYY-MM-DD, not "${d}"`, 2);
  return Date.parse(`${d}T23:59:59.999Z`);
}

export function runSql(options: CliOptions): string {
  const f = options.flags;
  const rulesPath = str(f, 'rules');
  const dialect = str(f, 'dialect');
  const out = str(f, 'out');
  if (!rulesPath || !dialect || !out)
    throw new CliError('sql needs --rules <rules.json> --dialect <dialect> --out <folder>', 2);
  if (!isDialect(dialect)) throw new CliError(`unknown dialect "${dialect}": use one of ${DIALECTS.join(', ')}`, 2);
  const instant = str(f, 'scoring-instant') ?? 'as-of';
  if (instant !== 'as-of' && instant !== 'history')
    throw new CliError(`--scoring-instant is as-of or history, not "${instant}"`, 2);
  const files = dbtPackage({
    dialect,
    rules: readRules(rulesPath),
    asOf: asOfFrom(options.asOf),
    scoringInstant: instant as ScoringInstant,
    custom: customKinds(str(f, 'numeric')),
  });
  const root = resolve(out);
  mkdirSync(root, { recursive: true });
  for (const file of files) {
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  return options.json
    ? JSON.stringify({ dialect, out: root, files: files.map((x) => x.path) }, null, 2)
    : [`Wrote a dbt project for ${dialect} to ${root}:`, ...files.map((x) => `  ${x.path}`)].join('\n');
}

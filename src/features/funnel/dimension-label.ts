/** The names of the breakdown dimensions, by the id the engine gives each, and why a poor one is listed apart. */
import { formatCount } from '../../lib/format';
import type { FunnelViewModel } from '../../worker/api';

const NAMES: Readonly<Record<string, string>> = {
  source: 'Source',
  campaign: 'Campaign',
  owner: 'Owner (SDR)',
  segment: 'Segment (company size)',
  quarter: 'Quarter created',
  country: 'Country',
  persona: 'Persona',
  seniority: 'Seniority',
  industry: 'Industry',
  region: 'Region',
  'tier:icp': 'ICP tier (default fit rules)',
};

/** "Source", "Owner (SDR)"; a custom column as "Lead: persona_score" or "Account: tier"; any other id as it is. */
export function dimensionLabel(id: string): string {
  const name = NAMES[id];
  if (name !== undefined) return name;
  if (id.startsWith('lead:')) return `Lead: ${id.slice('lead:'.length)}`;
  if (id.startsWith('account:')) return `Account: ${id.slice('account:'.length)}`;
  return id;
}

type PoorGroup = NonNullable<FunnelViewModel['dimensions'][number]['more']>;

const LOOKS_LIKE: Readonly<Record<Extract<PoorGroup, { kind: 'looks-like' }>['what'], string>> = {
  ids: 'an id column',
  links: 'links',
  phones: 'phone numbers',
  emails: 'email addresses',
  dates: 'dates or timestamps',
  addresses: 'addresses or coordinates',
  'free-text': 'free text',
  'record-ids': 'record ids',
};

/** Why a dimension is listed apart, under "more": "an id column", "60 distinct values", "one value only". */
export function poorGroupText(p: PoorGroup): string {
  switch (p.kind) {
    case 'no-values':
      return 'no values';
    case 'one-value':
      return 'one value only';
    case 'looks-like':
      return LOOKS_LIKE[p.what];
    case 'many-values':
      return `${formatCount(p.distinct)} distinct values`;
    case 'one-per-lead':
      return 'nearly one value per lead';
  }
}

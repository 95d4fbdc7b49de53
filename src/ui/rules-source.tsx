/** Says which rules a scored figure uses: the applied rules, the draft being edited, or a link's. */
export interface RulesSourceProps {
  readonly source: 'applied' | 'draft' | 'linked';
  /** The link's rule-set name, when it has one. */
  readonly name?: string | null;
}

export function rulesSourceText({ source, name }: RulesSourceProps): string {
  if (source === 'draft') return 'Scored with the draft rules (not applied yet)';
  if (source === 'linked') return `Scored with the link's rules: ${name ?? 'custom'} (not yet yours)`;
  return 'Scored with the applied rules';
}

export function RulesSource(props: RulesSourceProps) {
  return (
    <p className={`rules-source rules-source--${props.source}`} data-testid="rules-source">
      {rulesSourceText(props)}
    </p>
  );
}

import { memo, useDeferredValue } from 'react';
import { formatCount, formatDecimal, formatPercent } from '../../lib/format';
import { DataTable } from '../../ui/data-table';
import { RulesSource } from '../../ui/rules-source';
import type { RulesSource as Source } from '../../state/rules-in-use';
import type { StatusChangesViewModel } from '../../worker/api';

const COLUMNS = [
  { key: 'lead', label: 'Lead' },
  { key: 'change', label: 'Change' },
  { key: 'recorded', label: 'Recorded stage' },
  { key: 'model', label: 'Model stage' },
  { key: 'fit', label: 'Fit', numeric: true, sortable: true, format: (v: unknown) => formatDecimal(Number(v)) },
  { key: 'intent', label: 'Intent', numeric: true, sortable: true, format: (v: unknown) => formatDecimal(Number(v)) },
];

/** The probability columns: the CSV gets the raw 0–1 probability, the table a percentage. */
const predictionColumns = (outcome: 'won' | 'sqo' | null) => [
  {
    key: 'probability',
    label: `Probability of ${outcome === 'won' ? 'winning' : outcome === 'sqo' ? 'reaching SQO' : 'the outcome'}`,
    numeric: true,
    sortable: true,
    format: (v: unknown) => (v === null || v === undefined ? 'not measurable — needs a fit' : formatPercent(Number(v))),
  },
  { key: 'factors', label: 'Top factors' },
];

interface Props {
  readonly vm: StatusChangesViewModel;
  readonly stale?: boolean;
  /** Which rules the model stage is computed with. */
  readonly source: Source;
  readonly linkName?: string | null;
}

/** Matured leads whose MQL status the draft changes against the record (highest scores first); redrawn at the pace the main thread allows. */
export const StatusChanges = memo(function StatusChanges({ vm, stale = false, source, linkName }: Props) {
  return <StatusChangesBody vm={useDeferredValue(vm)} stale={stale} source={source} linkName={linkName} />;
});

const StatusChangesBody = memo(function StatusChangesBody({ vm, stale, source, linkName }: Props) {
  return (
    <section className="card" aria-labelledby="changes-heading" aria-busy={stale}>
      <h2 id="changes-heading">Leads that change status under the draft</h2>
      <RulesSource source={source} name={linkName} />
      <p className="muted" data-testid="status-changes-total">
        {formatCount(vm.total)} matured leads would change MQL status; the {formatCount(vm.rows.length)} with the
        highest scores are listed. Scores are as of each lead&apos;s history cut-off. The probability is the last
        fit&apos;s (&quot;Fit suggested weights&quot;), calibrated on its holdout.
      </p>
      <DataTable
        caption="Leads that change status"
        columns={[...COLUMNS, ...predictionColumns(vm.predictionOutcome)]}
        rows={vm.rows.map((r) => [
          r.leadId,
          r.change,
          r.recordedStage,
          r.modelStage,
          r.fit,
          r.intent,
          r.probability,
          r.factors,
        ])}
        exportName="status-changes.csv"
        height={260}
      />
    </section>
  );
});

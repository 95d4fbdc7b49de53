import { NotBuiltYet } from '../../ui/planned-view';
import { ViewHeader } from '../../ui/view-header';

export function FunnelView() {
  return (
    <>
      <ViewHeader title="Funnel" question="Which sources make opportunities, not just leads?" />
      <NotBuiltYet
        figures={[
          'Stage funnel with counts, step and cumulative conversion, skipped stages',
          'Cohort and period conversion, time in stage',
          'MQL→SQO and SQL→SQO by source, segment, owner and quarter',
        ]}
      />
    </>
  );
}

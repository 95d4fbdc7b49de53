import { NotBuiltYet } from '../../ui/planned-view';
import { ViewHeader } from '../../ui/view-header';

export function RulesView() {
  return (
    <>
      <ViewHeader title="Qualification rules" question="What would a threshold change do to volumes, workload and revenue?" />
      <NotBuiltYet
        figures={[
          'Thresholds, weights, decay and framework criteria',
          'Live what-if against the recorded process',
          'Suggested weights with holdout AUC',
        ]}
      />
    </>
  );
}

import { NotBuiltYet } from '../../ui/planned-view';
import { ViewHeader } from '../../ui/view-header';

export function IntentView() {
  return (
    <>
      <ViewHeader title="Intent & scoring" question="Do our scores predict anything?" />
      <NotBuiltYet
        figures={[
          'Fit and intent score distributions with threshold markers',
          'Fit × intent matrix',
          'AUC, lift by decile, calibration, revenue by tier',
        ]}
      />
    </>
  );
}

import { NotBuiltYet } from '../../ui/planned-view';
import { ViewHeader } from '../../ui/view-header';

export function HygieneView() {
  return (
    <>
      <ViewHeader title="SQO hygiene" question="Is the pipeline real?" />
      <NotBuiltYet
        figures={[
          'Fast-track conversions',
          'Pass-through opportunities',
          'Re-stage gymnastics',
          'Marketing-sourced tagging',
        ]}
      />
    </>
  );
}

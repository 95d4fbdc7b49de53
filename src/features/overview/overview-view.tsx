import { NotBuiltYet } from '../../ui/planned-view';
import { ViewHeader } from '../../ui/view-header';
import { PipelinePanel } from './pipeline-panel';

export function OverviewView() {
  return (
    <>
      <ViewHeader title="Overview" question="Will we make the quarter, and where does the funnel leak?" />
      <PipelinePanel />
      <NotBuiltYet
        figures={[
          'Headline figures with change against the previous quarter',
          'The stage funnel',
          'Bookings forecast against quota',
        ]}
      />
    </>
  );
}

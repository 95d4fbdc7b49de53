import { NotBuiltYet } from '../../ui/planned-view';
import { ViewHeader } from '../../ui/view-header';

export function OverviewView() {
  return (
    <>
      <ViewHeader title="Overview" question="Will we make the quarter, and where does the funnel leak?" />
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

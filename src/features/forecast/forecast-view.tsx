import { NotBuiltYet } from '../../ui/planned-view';
import { ViewHeader } from '../../ui/view-header';

export function ForecastView() {
  return (
    <>
      <ViewHeader title="Forecast" question="What will the pipeline book, and when?" />
      <NotBuiltYet
        figures={[
          'Pipeline and weighted pipeline against quota',
          'Coverage and velocity',
          'Bookings by quarter from SQO creation, scenario planner',
        ]}
      />
    </>
  );
}

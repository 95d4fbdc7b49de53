import { ViewHeader } from '../../ui/view-header';
import { FunnelSection } from './funnel-section';
import { HeadlineSection } from './headline-section';
import { PipelinePanel } from './pipeline-panel';
import { ViewLinks } from './view-links';
import './overview.css';

/** The VP Sales' first page: one section per line, each fetching its own figures. */
export function OverviewView() {
  return (
    <>
      <ViewHeader title="Overview" question="Will we make the quarter, and where does the funnel leak?" />
      <HeadlineSection />
      <PipelinePanel />
      <FunnelSection />
      <ViewLinks />
    </>
  );
}

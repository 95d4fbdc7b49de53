/** The Funnel view's words for why no lead is shown. */
import { NEEDS } from '../../engine/capabilities';
import type { FunnelViewModel } from '../../worker/api';

type EmptyReason = NonNullable<FunnelViewModel['empty']>;

export function emptyText(reason: EmptyReason): { title: string; body: string } {
  switch (reason.kind) {
    case 'no-leads':
      return {
        title: 'This dataset has no leads',
        body: `The lead funnel is not measurable — needs ${NEEDS.leads}.${reason.opportunities ? ' The Overview counts its opportunities: their funnel and win rate.' : ''}`,
      };
    case 'filtered':
      return {
        title: 'No leads match the filters',
        body: 'Widen the date range or clear the source, segment or owner filters.',
      };
    case 'before-as-of':
      return { title: 'No lead was created by the as-of date', body: 'Choose a later as-of date.' };
  }
}

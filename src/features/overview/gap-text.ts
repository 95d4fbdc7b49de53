/** The Overview's words for figures the data cannot give. */
import { needsText } from '../../engine/capabilities';
import type { OverviewGap } from '../../worker/api';

const GAP_FIGURES: Readonly<Record<OverviewGap['figures'], string>> = {
  pipeline: 'Pipeline and opportunity figures',
  leadFigures: "Lead figures (MQLs, SQLs, MQL→SQO, SQL→SQO and the lead cohort's SQO→won)",
  openStages: 'Open stages between creation and won',
};

/** "Lead figures (…): not measurable — needs a leads file (leads.csv)." */
export function gapText(g: OverviewGap): string {
  return `${GAP_FIGURES[g.figures]}: ${needsText(g.needs)}.`;
}

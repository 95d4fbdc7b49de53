/**
 * `revlens report` is assembled from sections, one per area of the engine. Each section adds its
 * keys to the JSON object (objects two sections both give, such as `forecast`, are merged) and its
 * lines to the readable summary.
 */
import { currenciesSection } from './sections/currencies';
import { funnelSection } from './sections/funnel';
import { dealForecastSection } from './sections/deal-forecast';
import { forecastSection } from './sections/forecast';
import { forecastAccuracySection } from './sections/forecast-accuracy';
import { hygieneSection } from './sections/hygiene';
import { formatImportReportLines, importReportSection } from './sections/import-report';
import { scoringSection } from './sections/scoring';
import type { ReportSection } from './sections/section';

export const REPORT_SECTIONS: readonly ReportSection[] = [
  importReportSection,
  currenciesSection,
  funnelSection,
  scoringSection,
  forecastSection,
  dealForecastSection,
  forecastAccuracySection,
  hygieneSection,
];

export { formatImportReportLines };

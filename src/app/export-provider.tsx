import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { datasetSummaryQuery } from '../lib/dataset-queries';
import { formatDate } from '../lib/format';
import { moneyNotes } from '../lib/money-notes';
import { describeFilters } from '../lib/filter-text';
import { useFilters } from '../state/filters';
import { ExportProvider, ViewExportRegistry } from '../ui/export-context';

/**
 * Gives every chart of the view what its exports need: the subtitle (dataset, as-of, filters, and
 * the currency notes when amounts are in several currencies) and
 * the list "Export view" saves.
 */
export function ViewExportProvider({ viewName, children }: { viewName: string; children: ReactNode }) {
  const filters = useFilters();
  const { data } = useQuery(datasetSummaryQuery());
  const [registry] = useState(() => new ViewExportRegistry());
  const dataset = data ? `${data.name} · as of ${formatDate(data.asOf)}` : 'No dataset';
  // Money in a picture carries the rates it was converted at and the deals left out for want of one.
  const notes = data ? moneyNotes(data.currencies, data.currency) : [];
  const money = notes.length > 0 ? ` · ${notes.join(' ')}` : '';
  const subtitle = `${dataset} · ${describeFilters(filters)}${money}`;
  return <ExportProvider value={{ subtitle, viewName, registry }}>{children}</ExportProvider>;
}

import { useQuery } from '@tanstack/react-query';
import { datasetSummaryQuery } from '../lib/dataset-queries';
import { moneyNotes } from '../lib/money-notes';

/**
 * Above every view when the opportunities' amounts are in more than the plan currency: the rates
 * every figure of money was converted at, and the deals left out of money for want of a rate.
 */
export function CurrencyBanner() {
  const summary = useQuery(datasetSummaryQuery()).data;
  const notes = summary ? moneyNotes(summary.currencies, summary.currency) : [];
  if (notes.length === 0) return null;
  return (
    <section
      className="state currency-banner"
      aria-label="Currencies of the money figures"
      data-testid="currency-banner"
    >
      {notes.map((n) => (
        <p key={n} className="state__message">
          {n}
        </p>
      ))}
    </section>
  );
}

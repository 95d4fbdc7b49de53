import { useState, type FormEvent } from 'react';
import type { DatasetSummary } from '../../worker/api';
import { buildCurrenciesModel, parseRateInput, type CurrencyRow } from './currencies-model';
import { useCurrencyRateChanged } from './queries';

function RateForm({ row, plan }: { row: CurrencyRow; plan: string }) {
  const [draft, setDraft] = useState(row.rate === null ? '' : String(row.rate));
  const [problem, setProblem] = useState<string | null>(null);
  const change = useCurrencyRateChanged();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = parseRateInput(draft);
    setProblem(r.ok ? null : r.reason);
    if (r.ok) change.mutate({ currency: row.currency, rate: r.rate });
  };
  const error = problem ?? (change.error ? String(change.error.message) : null);
  return (
    <form className="rate-form" onSubmit={submit}>
      <input
        inputMode="decimal"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        aria-label={`Rate: ${plan} per 1 ${row.currency}`}
        aria-invalid={error ? true : undefined}
        size={10}
      />
      <button type="submit" className="button button--small" disabled={change.isPending}>
        Set rate
      </button>
      {row.rate !== null ? (
        <button
          type="button"
          className="button button--small"
          disabled={change.isPending}
          onClick={() => change.mutate({ currency: row.currency, rate: null })}
        >
          Remove rate
        </button>
      ) : null}
      {error ? (
        <span role="alert" className="rate-form__error">
          {error}
        </span>
      ) : null}
    </form>
  );
}

/** The currencies of the opportunities' amounts, with the rate each is converted at (editable). */
export function CurrenciesCard({ summary }: { summary: DatasetSummary }) {
  const m = buildCurrenciesModel(summary);
  return (
    <section className="card" aria-labelledby="currencies-heading">
      <h2 id="currencies-heading">Currencies</h2>
      <p className="muted">{m.summary}</p>
      {m.rows.length > 0 ? (
        <table className="currencies-table">
          <thead>
            <tr>
              <th scope="col">Currency</th>
              <th scope="col" className="num">
                Deals with an amount
              </th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col" className="num">
                In {m.plan}
              </th>
              <th scope="col">Rate ({m.plan} per 1 unit)</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {m.rows.map((r) => (
              <tr key={r.currency}>
                <th scope="row">{r.currency}</th>
                <td className="num">{r.deals}</td>
                <td className="num">{r.total}</td>
                <td className="num">{r.inPlan}</td>
                <td>
                  {r.editable ? <RateForm key={`${r.currency}-${summary.version}`} row={r} plan={m.plan} /> : '1'}
                </td>
                <td>{r.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { ErrorState } from '../../ui/states';
import { useLoadDemo, useLoadFiles } from './queries';

const SIZES = [5_000, 30_000, 100_000] as const;

/** Load the demo company (seed and size) or your own canonical CSV/JSON files. */
export function LoadPanel({ currentSeed }: { currentSeed?: number }) {
  const demo = useLoadDemo();
  const files = useLoadFiles();
  const [seed, setSeed] = useState(String(currentSeed ?? 20261115));
  const [size, setSize] = useState<number>(30_000);
  const seedValid = /^\d{1,9}$/.test(seed);
  const busy = demo.isPending || files.isPending;

  const submitDemo = (e: FormEvent) => {
    e.preventDefault();
    if (seedValid) demo.mutate({ seed: Number(seed), leads: size });
  };

  return (
    <section className="card" aria-labelledby="load-heading">
      <h2 id="load-heading">Load data</h2>
      <div className="load-grid">
        <form onSubmit={submitDemo} className="load-form">
          <h3>Demo company</h3>
          <label>
            Seed
            <input
              inputMode="numeric"
              value={seed}
              onChange={(e) => setSeed(e.target.value.trim())}
              aria-invalid={!seedValid}
              aria-describedby="seed-help"
            />
          </label>
          <p id="seed-help" className="muted">
            {seedValid ? 'The same seed always gives the same company.' : 'A seed is a whole number of up to 9 digits.'}
          </p>
          <label>
            Size
            <select value={size} onChange={(e) => setSize(Number(e.target.value))}>
              {SIZES.map((s) => (
                <option key={s} value={s}>
                  {s.toLocaleString('en-US')} leads
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button" disabled={busy || !seedValid}>
            {demo.isPending ? 'Generating…' : 'Load demo company'}
          </button>
        </form>
        <div className="load-form">
          <h3>Your files</h3>
          <label>
            Canonical CSV files (leads.csv, accounts.csv, activities.csv, opportunities.csv, opportunity_stages.csv,
            touches.csv, plan.csv) or one canonical JSON file
            <input
              type="file"
              multiple
              accept=".csv,.json,text/csv,application/json"
              disabled={busy}
              onChange={(e) => {
                const list = Array.from(e.target.files ?? []);
                if (list.length) files.mutate(list);
                e.target.value = '';
              }}
            />
          </label>
          {files.isPending ? <p role="status">Reading files…</p> : null}
        </div>
      </div>
      {demo.error ? <ErrorState title="The demo company could not be generated" error={demo.error} /> : null}
      {files.error ? (
        <ErrorState title="These files could not be loaded; the current dataset is unchanged" error={files.error} />
      ) : null}
    </section>
  );
}

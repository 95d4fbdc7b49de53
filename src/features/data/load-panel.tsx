import { useState, type FormEvent } from 'react';
import { isCancelled } from '../../lib/dataset-queries';
import { ErrorState } from '../../ui/states';
import { useLoadDemo } from './queries';

const SIZES = [5_000, 30_000, 100_000] as const;

/** Load the seeded demo company at a chosen seed and size. */
export function LoadPanel({ currentSeed }: { currentSeed?: number }) {
  const demo = useLoadDemo();
  const [seed, setSeed] = useState(String(currentSeed ?? 20261115));
  const [size, setSize] = useState<number>(30_000);
  const seedValid = /^\d{1,9}$/.test(seed);
  const busy = demo.isPending;

  const submitDemo = (e: FormEvent) => {
    e.preventDefault();
    if (seedValid) demo.mutate({ seed: Number(seed), leads: size });
  };

  return (
    <section className="card" aria-labelledby="load-heading">
      <h2 id="load-heading">Demo company</h2>
      <div className="load-grid">
        <form onSubmit={submitDemo} className="load-form">
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
      </div>
      {demo.error && isCancelled(demo.error) ? <p className="muted">Cancelled: the current dataset is kept.</p> : null}
      {demo.error && !isCancelled(demo.error) ? (
        <ErrorState title="The demo company could not be generated" error={demo.error} />
      ) : null}
    </section>
  );
}

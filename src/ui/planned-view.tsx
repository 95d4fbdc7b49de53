import { EmptyState } from './states';

/** An honest placeholder for a view whose figures are not computed yet. */
export function NotBuiltYet({ figures }: { figures: readonly string[] }) {
  return (
    <EmptyState title="Not built yet">
      <p>This view does not compute its figures yet. It will show:</p>
      <ul>
        {figures.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
    </EmptyState>
  );
}

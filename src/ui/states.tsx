import type { ReactNode } from 'react';

/** Shown while the engine computes; keeps the layout's height so nothing jumps. */
export function Loading({ label = 'Computing…' }: { label?: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** An error that says what happened and what to do next. */
export function ErrorState({ title, error, action }: { title: string; error: unknown; action?: ReactNode }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="state state--error" role="alert">
      <strong>{title}</strong>
      <p className="state__message">{message}</p>
      {action}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <strong>{title}</strong>
      {children ? <div className="state__message">{children}</div> : null}
    </div>
  );
}

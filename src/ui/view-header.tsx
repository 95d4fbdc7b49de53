import type { ReactNode } from 'react';

/** The heading of a view: its title and the question it answers. */
export function ViewHeader({ title, question, children }: { title: string; question: string; children?: ReactNode }) {
  return (
    <div className="view-header">
      <h1>{title}</h1>
      <p className="view-header__question">{question}</p>
      {children}
    </div>
  );
}

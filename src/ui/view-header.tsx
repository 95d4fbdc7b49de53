import type { ReactNode } from 'react';
import { ExportViewButton } from './export-context';

/** The heading of a view: its title and the question it answers. */
export function ViewHeader({ title, question, children }: { title: string; question: string; children?: ReactNode }) {
  return (
    <div className="view-header">
      <div className="view-header__top">
        <h1>{title}</h1>
        <ExportViewButton />
      </div>
      <p className="view-header__question">{question}</p>
      {children}
    </div>
  );
}

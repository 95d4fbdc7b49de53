/** How the views and the CLI say which part of a hygiene rule the data cannot check. */
import { needsList } from '../engine/capabilities';
import type { UncheckedPart } from '../engine/hygiene/hygiene';

const PARTS: Readonly<Record<UncheckedPart['part'], string>> = {
  sqlTiming: 'SQL→SQO time',
  criteria: 'criteria',
};

/** "SQL→SQO time not checked — needs SQL dates on the leads (sql_at in leads.csv)". */
export function uncheckedText(u: UncheckedPart): string {
  return `${PARTS[u.part]} not checked — needs ${needsList(u.needs)}`;
}

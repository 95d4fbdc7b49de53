/** The seven views of the dashboard, in navigation order. */
export const VIEWS = [
  { id: 'overview', label: 'Overview', title: 'Overview', path: 'overview' },
  { id: 'funnel', label: 'Funnel', title: 'Funnel', path: 'funnel' },
  { id: 'intent', label: 'Intent & scoring', title: 'Intent & scoring', path: 'intent' },
  { id: 'rules', label: 'Qualification rules', title: 'Qualification rules', path: 'rules' },
  { id: 'forecast', label: 'Forecast', title: 'Forecast', path: 'forecast' },
  { id: 'hygiene', label: 'Hygiene', title: 'SQO hygiene', path: 'hygiene' },
  { id: 'data', label: 'Data', title: 'Data', path: 'data' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

export function isViewId(value: string): value is ViewId {
  return VIEWS.some((v) => v.id === value);
}

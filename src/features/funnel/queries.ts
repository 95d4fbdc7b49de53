/** Engine queries of the Funnel view; every input is in the key, next to the dataset version. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { engineKey } from '../../lib/dataset-queries';
import type { Filters } from '../../engine/filters/filters';
import { engine } from '../../worker/client';
import type { DrillSelection, FunnelParams } from './funnel-params';

export function funnelViewQuery(version: number, filters: Filters, p: FunnelParams) {
  const input = { filters, mode: p.mode, basis: p.basis, breakdown: p.by, windowDays: p.window };
  return queryOptions({
    queryKey: engineKey(version, 'funnelView', input),
    queryFn: () => engine().funnelView(input),
    placeholderData: keepPreviousData,
  });
}

export function funnelDrillQuery(version: number, filters: Filters, mode: FunnelParams['mode'], drill: DrillSelection) {
  const input = { filters, mode, target: drill.target, group: drill.group };
  return queryOptions({
    queryKey: engineKey(version, 'funnelDrill', input),
    queryFn: () => engine().funnelDrill(input),
    placeholderData: keepPreviousData,
  });
}

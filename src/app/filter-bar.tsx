import { useQuery } from '@tanstack/react-query';
import type { Segment } from '../engine/segments';
import { datasetSummaryQuery } from '../lib/dataset-queries';
import { filterActions, useFilters } from '../state/filters';
import { MultiSelect } from '../ui/multi-select';

/** Date range, source, segment and owner: applied across every view, kept in the URL. */
export function FilterBar() {
  const filters = useFilters();
  const { data } = useQuery(datasetSummaryQuery());
  const options = data?.filterOptions;
  const active = Boolean(
    filters.from || filters.to || filters.sources.length || filters.segments.length || filters.owners.length,
  );
  return (
    <form className="filter-bar" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      <label className="filter-bar__field">
        <span>Created from</span>
        <input
          type="date"
          value={filters.from ?? ''}
          min={data?.from}
          max={data?.asOf}
          onChange={(e) => filterActions.filtersChanged({ from: e.target.value || undefined })}
        />
      </label>
      <label className="filter-bar__field">
        <span>to</span>
        <input
          type="date"
          value={filters.to ?? ''}
          min={data?.from}
          max={data?.asOf}
          onChange={(e) => filterActions.filtersChanged({ to: e.target.value || undefined })}
        />
      </label>
      <MultiSelect
        label="Source"
        options={options?.sources ?? []}
        selected={filters.sources}
        onChange={(sources) => filterActions.filtersChanged({ sources })}
      />
      <MultiSelect
        label="Segment"
        options={options?.segments ?? []}
        selected={filters.segments}
        onChange={(segments) => filterActions.filtersChanged({ segments: segments as Segment[] })}
      />
      <MultiSelect
        label="Owner"
        options={options?.owners ?? []}
        selected={filters.owners}
        onChange={(owners) => filterActions.filtersChanged({ owners })}
      />
      <button type="button" className="button button--link" disabled={!active} onClick={filterActions.filtersCleared}>
        Clear filters
      </button>
    </form>
  );
}

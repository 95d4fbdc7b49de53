import { useQuery } from '@tanstack/react-query';
import { datasetSummaryQuery } from '../../lib/dataset-queries';
import { toEngineFilters, useFilters } from '../../state/filters';
import { DataTable } from '../../ui/data-table';
import { ErrorState, Loading } from '../../ui/states';
import { ViewHeader } from '../../ui/view-header';
import { buildContrastRows, buildListModel, DETECTOR_TITLES } from './build-hygiene-model';
import { ContrastChart } from './contrast-chart';
import { DetectorCard, LIST_ID } from './detector-card';
import './hygiene.css';
import { hygieneQuery } from './queries';
import { RuleEditor } from './rule-editor';
import { useHygieneRules, useOpenList } from './rules-state';

export function HygieneView() {
  const summary = useQuery(datasetSummaryQuery());
  const filters = toEngineFilters(useFilters());
  const rules = useHygieneRules();
  const open = useOpenList();
  const q = useQuery({ ...hygieneQuery(summary.data?.version ?? 0, filters, rules), enabled: !!summary.data });
  const v = q.data;
  const openDetector = v && open ? v.detectors.find((d) => d.key === open) : undefined;
  const list = openDetector && v ? buildListModel(openDetector, v.currency) : null;
  const anyRan = v ? v.detectors.some((d) => d.notMeasurable === null) : false;
  return (
    <>
      <ViewHeader title="SQO hygiene" question="Is the pipeline real?" />
      {summary.error ? <ErrorState title="No dataset is loaded" error={summary.error} /> : null}
      {q.error ? <ErrorState title="The detectors could not run" error={q.error} /> : null}
      {!v && !q.error ? <Loading label="Running the detectors…" /> : null}
      <RuleEditor rules={rules} />
      {v ? (
        <>
          <div className="hy-cards">
            {v.detectors.map((d) => (
              <DetectorCard key={d.key} d={d} view={v} open={open === d.key} />
            ))}
          </div>
          {anyRan ? (
            <>
              <section id={LIST_ID} className="card" aria-label="Flagged opportunities">
                {list && openDetector ? (
                  <>
                    <h2>
                      {DETECTOR_TITLES[openDetector.key]}: the {openDetector.count.toLocaleString('en-US')} flagged
                      opportunities
                    </h2>
                    <DataTable
                      caption={list.caption}
                      columns={list.columns}
                      rows={list.rows}
                      exportName={list.exportName}
                      height={360}
                    />
                  </>
                ) : (
                  <p className="muted">
                    Choose “Show the … opportunities” on a detector to list the deals behind its count.
                  </p>
                )}
              </section>
              <ContrastChart rows={buildContrastRows(v)} />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}

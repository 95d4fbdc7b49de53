import { useQuery } from '@tanstack/react-query';
import { memo, useMemo } from 'react';
import { datasetSummaryQuery } from '../../lib/dataset-queries';
import { useDraftRules, useRulesNotices, rulesActions, withThresholds } from '../../state/rules';
import { draftSource, useRulesInUse } from '../../state/rules-in-use';
import { useEngineFilters } from '../../state/filters';
import { useThresholds } from '../../state/thresholds';
import { ErrorState, Loading } from '../../ui/states';
import { ViewHeader } from '../../ui/view-header';
import { DraftEditor } from './draft-editor';
import { FitRulesEditor } from './fit-rules-editor';
import { usePredictiveModel } from '../../state/predictive';
import { LeadExplanation } from './lead-explanation';
import { catalogQuery, statusChangesQuery, useShownStatusChanges, useShownWhatIf, whatIfQuery } from './queries';
import { RuleSetActions } from './rule-set-actions';
import { StatusChanges } from './status-changes';
import { SuggestedWeights } from './suggested-weights';
import { ThresholdControls } from './threshold-controls';
import { WarehouseExport } from './warehouse-export';
import { WhatIfPanel } from './what-if-panel';
import './rules.css';

const Notices = memo(function Notices() {
  const notices = useRulesNotices();
  if (notices.length === 0) return null;
  return (
    <div className="state rules-notice" role="alert">
      <strong>About your saved rule sets</strong>
      <ul>
        {notices.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <button type="button" className="button button--small" onClick={rulesActions.noticesDismissed}>
        Dismiss
      </button>
    </div>
  );
});

export function RulesView() {
  const summary = useQuery(datasetSummaryQuery());
  // Every value passed down keeps its identity until its inputs change, so a moving slider re-renders
  // only the parts that show it (the memoised sections skip the rest).
  const filters = useEngineFilters();
  const inUse = useRulesInUse();
  const applied = inUse.rules;
  const draftRules = useDraftRules();
  const thresholds = useThresholds(applied);
  const draft = useMemo(() => withThresholds(draftRules, thresholds), [draftRules, thresholds]);
  const version = summary.data?.version ?? 0;
  const enabled = summary.data !== undefined;
  const whatIf = useQuery({ ...whatIfQuery(version, filters, draft, applied), enabled });
  const model = usePredictiveModel(version);
  const changes = useQuery({ ...statusChangesQuery(version, filters, draft, model), enabled });
  const shownWhatIf = useShownWhatIf(whatIf, version);
  const shownChanges = useShownStatusChanges(changes, version);
  const catalog = useQuery({ ...catalogQuery(version), enabled });
  const currency = summary.data?.currency ?? 'USD';
  const source = draftSource(draft, inUse);

  return (
    <>
      <ViewHeader title="Qualification rules" question="What would a threshold change do to volumes, workload and revenue?" />
      <Notices />
      {summary.isPending ? <Loading label="Loading the dataset…" /> : null}
      {summary.error ? <ErrorState title="No dataset is loaded" error={summary.error} /> : null}
      <div className="rules-layout">
        <div className="rules-layout__controls">
          <ThresholdControls t={thresholds} />
          <RuleSetActions draft={draftRules} thresholds={thresholds} />
        </div>
        <div className="rules-layout__results">
          {shownWhatIf.data ? <WhatIfPanel vm={shownWhatIf.data} currency={currency} stale={shownWhatIf.stale} /> : null}
          {!shownWhatIf.data && whatIf.isPending && enabled ? <Loading label="Computing the what-if…" /> : null}
          {whatIf.error ? <ErrorState title="The what-if could not be computed" error={whatIf.error} /> : null}
        </div>
      </div>
      {catalog.data ? (
        <>
          <DraftEditor draft={draftRules} activityTypes={catalog.data.activityTypes} />
          <FitRulesEditor rules={draftRules.fitRules} attributes={catalog.data.attributes} />
          <SuggestedWeights version={version} filters={filters} rules={draft} attributes={catalog.data.attributes} />
          <WarehouseExport rules={draft} attributes={catalog.data.attributes} />
        </>
      ) : null}
      {shownChanges.data ? <StatusChanges vm={shownChanges.data} stale={shownChanges.stale} source={source} linkName={inUse.name} /> : null}
      {enabled ? <LeadExplanation version={version} rules={draft} suggestion={changes.data?.rows[0]?.leadId} source={source} linkName={inUse.name} /> : null}
    </>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { memo } from 'react';
import { datasetSummaryQuery } from '../../lib/dataset-queries';
import { useDraftRules, useRuleSets, useRulesNotices, rulesActions } from '../../state/rules';
import { draftSource } from '../../state/rules-in-use';
import { useEngineFilters } from '../../state/filters';
import { ErrorState, Loading } from '../../ui/states';
import { ViewHeader } from '../../ui/view-header';
import { DraftEditor } from './draft-editor';
import { FitRulesEditor } from './fit-rules-editor';
import { usePredictiveModel } from '../../state/predictive';
import { LeadExplanation } from './lead-explanation';
import { catalogQuery, statusChangesQuery, whatIfQuery } from './queries';
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
  const client = useQueryClient();
  const summary = useQuery(datasetSummaryQuery());
  // Every value passed down keeps its identity until its inputs change, so a moving slider re-renders
  // only the parts that show it (the memoised sections skip the rest).
  const filters = useEngineFilters();
  const { inUse, draft, draftKey, inUseKey } = useRuleSets();
  // The editors show the draft's other parts: the stored draft keeps its identity while a threshold moves.
  const draftRules = useDraftRules();
  const version = summary.data?.version ?? 0;
  const enabled = summary.data !== undefined;
  const whatIf = useQuery({
    ...whatIfQuery(client, version, filters, { rules: draft, key: draftKey }, { rules: inUse.rules, key: inUseKey }),
    enabled,
  });
  const model = usePredictiveModel(version);
  const changes = useQuery({
    ...statusChangesQuery(client, version, filters, { rules: draft, key: draftKey }, model),
    enabled,
  });
  const catalog = useQuery({ ...catalogQuery(version), enabled });
  const currency = summary.data?.currency ?? 'USD';
  const source = draftSource(draft, inUse);

  return (
    <>
      <ViewHeader
        title="Qualification rules"
        question="What would a threshold change do to volumes, workload and revenue?"
      />
      <Notices />
      {summary.isPending ? <Loading label="Loading the dataset…" /> : null}
      {summary.error ? <ErrorState title="No dataset is loaded" error={summary.error} /> : null}
      <div className="rules-layout">
        <div className="rules-layout__controls">
          <ThresholdControls rules={draft} />
          <RuleSetActions draft={draft} />
        </div>
        <div className="rules-layout__results">
          {whatIf.data ? <WhatIfPanel vm={whatIf.data} currency={currency} stale={whatIf.isPlaceholderData} /> : null}
          {!whatIf.data && whatIf.isPending && enabled ? <Loading label="Computing the what-if…" /> : null}
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
      {changes.data ? (
        <StatusChanges vm={changes.data} stale={changes.isPlaceholderData} source={source} linkName={inUse.name} />
      ) : null}
      {enabled ? (
        <LeadExplanation
          version={version}
          rules={draft}
          suggestion={changes.data?.rows[0]?.leadId}
          source={source}
          linkName={inUse.name}
        />
      ) : null}
    </>
  );
}

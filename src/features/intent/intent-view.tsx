import { useQuery } from '@tanstack/react-query';
import { datasetSummaryQuery } from '../../lib/dataset-queries';
import { formatCount, formatDecimal, formatPercent } from '../../lib/format';
import { useRuleSets } from '../../state/rules';
import { toEngineFilters, useFilters } from '../../state/filters';
import { RulesSource } from '../../ui/rules-source';
import { Stat } from '../../ui/stat';
import { EmptyState, ErrorState, Loading } from '../../ui/states';
import { ViewHeader } from '../../ui/view-header';
import type { IntentViewModel } from '../../worker/api';
import { CalibrationChart, LiftChart, TierRevenueChart } from './accuracy-charts';
import { FitIntentMatrix } from './fit-intent-matrix';
import { intentOverviewQuery } from './queries';
import { ScoreHistogram } from './score-histogram';
import './intent.css';

const auc = (v: number | null) => (v === null ? 'no data' : formatDecimal(v));

function Headline({ vm }: { vm: IntentViewModel }) {
  const total = vm.tiers.High + vm.tiers.Mid + vm.tiers.Low;
  const aucHelp =
    'ROC AUC: the chance a lead that converted scores above one that did not (0.5 = a coin toss, 1 = perfect). Matured leads, scored before their outcome.';
  return (
    <section className="card" aria-labelledby="headline-heading">
      <h2 id="headline-heading">Does the score predict anything?</h2>
      {vm.rulesNote ? (
        <p className="state state--empty" role="note">
          {vm.rulesNote}
        </p>
      ) : null}
      <div className="stat-row">
        <Stat label="AUC fit → SQO" value={auc(vm.auc.sqo.fit)} help={aucHelp} />
        <Stat label="AUC intent → SQO" value={auc(vm.auc.sqo.intent)} help={aucHelp} />
        <Stat label="AUC combined → SQO" value={auc(vm.auc.sqo.combined)} help={aucHelp} />
        <Stat label="AUC combined → won" value={auc(vm.auc.won.combined)} help={aucHelp} />
        <Stat
          label="Matured leads"
          value={formatCount(vm.matured)}
          note={`of ${formatCount(vm.leads)} in the filters`}
        />
      </div>
      <h3>The MQL rule at the current thresholds</h3>
      <div className="stat-row">
        <Stat label="Qualified (matured)" value={formatCount(vm.atThreshold.qualified)} />
        <Stat
          label="Precision → SQO"
          value={formatPercent(vm.atThreshold.precisionSqo)}
          note="qualified that reached SQO"
        />
        <Stat label="Recall → SQO" value={formatPercent(vm.atThreshold.recallSqo)} note="SQOs the rule qualified" />
        <Stat label="Precision → won" value={formatPercent(vm.atThreshold.precisionWon)} />
        <Stat label="Recall → won" value={formatPercent(vm.atThreshold.recallWon)} />
      </div>
      <h3>Intent tiers today (as of {vm.asOf})</h3>
      <div className="stat-row" aria-label="Intent tier shares">
        {(['High', 'Mid', 'Low'] as const).map((t) => (
          <Stat
            key={t}
            label={`${t} intent`}
            value={formatCount(vm.tiers[t])}
            note={`${formatPercent(total ? vm.tiers[t] / total : null)} of leads · ${vm.tierOutcomes.find((x) => x.tier === t)?.route ?? ''}`}
          />
        ))}
      </div>
      <details className="chart-frame__help">
        <summary>How this is computed</summary>
        <p className="chart-frame__definition">
          Accuracy is measured on matured leads (won, lost, disqualified, or older than {vm.rules.maturityDays} days),
          each scored as of the earlier of its first {vm.rules.scoringWindowDays} days and its first sales stage (SAL or
          later): activity during a deal comes after the outcome and would make any score look prescient. Tier shares
          use every lead in the filters scored as of {vm.asOf}. Thresholds are those in use (see Qualification rules).
        </p>
      </details>
    </section>
  );
}

export function IntentView() {
  const summary = useQuery(datasetSummaryQuery());
  const filters = toEngineFilters(useFilters());
  const { inUse, scoring: rules } = useRuleSets();
  const q = useQuery({
    ...intentOverviewQuery(summary.data?.version ?? 0, filters, rules),
    enabled: summary.data !== undefined,
  });
  const vm = q.data;
  return (
    <>
      <ViewHeader title="Intent & scoring" question="Do our scores predict anything?">
        <RulesSource source={inUse.source} name={inUse.name} />
      </ViewHeader>
      {summary.error ? <ErrorState title="No dataset is loaded" error={summary.error} /> : null}
      {q.isPending && summary.data ? <Loading label="Scoring every lead…" /> : null}
      {q.error ? <ErrorState title="The scores could not be computed" error={q.error} /> : null}
      {vm && vm.leads === 0 ? (
        <EmptyState title="No leads match the filters">Clear or widen the filters to see scores.</EmptyState>
      ) : null}
      {vm && vm.leads > 0 ? (
        <div className="intent-grid" aria-busy={q.isPlaceholderData}>
          <div className="intent-grid__wide">
            <Headline vm={vm} />
          </div>
          <ScoreHistogram vm={vm} which="fit" />
          <ScoreHistogram vm={vm} which="intent" />
          <FitIntentMatrix vm={vm} />
          <TierRevenueChart vm={vm} currency={summary.data?.currency ?? 'USD'} />
          <LiftChart vm={vm} />
          <CalibrationChart vm={vm} />
        </div>
      ) : null}
    </>
  );
}

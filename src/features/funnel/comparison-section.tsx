import { RateBarChart } from '../../charts/rate-bar-chart';
import { pairEnds, pairLabel } from '../../lib/stage-labels';
import { ChartFrame } from '../../ui/chart-frame';
import type { FunnelViewModel } from '../../worker/api';
import { benchmarksFor, comparisonRows, GROUP_LIMITS, smallNote, type GroupOption } from './build-funnel-view';
import { funnelActions, type ComparedRate, type FunnelParams, type GroupPickRule } from './funnel-params';
import { dimensionLabel } from './dimension-label';

const RULE_LABELS: Record<GroupPickRule, string> = {
  sampled: 'Every group with n ≥ threshold',
  volume: 'Top by volume',
  rate: 'Top by rate',
  chosen: 'Chosen',
};

/** The checkbox list of the "Chosen" pick: every group with its sample. */
export function GroupChooser({ options, chosen }: { options: readonly GroupOption[]; chosen: readonly string[] }) {
  const ticked = new Set(chosen);
  const toggle = (label: string) =>
    funnelActions.optionChanged({ chosen: ticked.has(label) ? chosen.filter((c) => c !== label) : [...chosen, label] });
  return (
    <fieldset className="group-chooser">
      <legend>Groups shown (up to {GROUP_LIMITS.max})</legend>
      {options.map((o) => (
        <label key={o.label} className="group-chooser__option">
          <input type="checkbox" checked={ticked.has(o.label)} onChange={() => toggle(o.label)} />
          {o.label} <span className="muted">({o.sample})</span>
        </label>
      ))}
    </fieldset>
  );
}

/** MQL→SQO or SQL→SQO of the picked groups of the breakdown, across quarters, with benchmarks. */
export function ComparisonSection({ vm, params }: { vm: FunnelViewModel; params: FunnelParams }) {
  const pick = { rule: params.groups, chosen: params.chosen };
  const { rows, series, csv, subtitle, options } = comparisonRows(vm, params.compare, params.minSample, pick);
  const pair = vm.conversions.find((c) => c.key === params.compare)!;
  const label = pairLabel(pair);
  const { from } = pairEnds(pair);
  const dim = vm.breakdown.dimension;
  const dimName = dimensionLabel(dim.id);
  const onSelect = (quarter: string, key: string) => {
    const group = vm.breakdown.comparison[Number(key.slice(1))]!;
    funnelActions.barClicked(
      vm.basis === 'cohort'
        ? {
            target: {
              kind: 'cohort',
              pair: params.compare,
              period: quarter,
              outcome: 'entered',
              windowDays: vm.windowDays,
            },
            group: { dimension: dim.id, label: group.label },
            title: `${label}: ${from}s of ${quarter}, ${dimName} ${group.label}`,
          }
        : {
            target: { kind: 'entries', stage: 'sqo', period: quarter },
            group: { dimension: dim.id, label: group.label },
            title: `SQO entries in ${quarter}, ${dimName} ${group.label}`,
          },
    );
  };
  const onRule = (rule: GroupPickRule) =>
    funnelActions.optionChanged(
      rule === 'chosen' && params.chosen.length === 0
        ? { groups: rule, chosen: options.filter((o) => o.shown).map((o) => o.label) }
        : { groups: rule },
    );
  return (
    <ChartFrame
      title={`${label} by ${dimName.toLowerCase()} and quarter`}
      units={`% (${vm.basis} conversion); ${subtitle}`}
      csv={csv}
      controls={
        <>
          <label className="funnel-controls__field">
            <span>Rate</span>
            <select
              value={params.compare}
              onChange={(e) => funnelActions.optionChanged({ compare: e.target.value as ComparedRate })}
            >
              <option value="mqlToSqo">MQL→SQO</option>
              <option value="sqlToSqo">SQL→SQO</option>
            </select>
          </label>
          <label className="funnel-controls__field">
            <span>Groups</span>
            <select value={params.groups} onChange={(e) => onRule(e.target.value as GroupPickRule)}>
              {(Object.keys(RULE_LABELS) as GroupPickRule[]).map((r) => (
                <option key={r} value={r}>
                  {RULE_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
        </>
      }
      definition={
        <p>
          {vm.basis === 'cohort'
            ? `Of each group's leads that entered ${from} in the quarter, the share that reached SQO${vm.windowDays ? ` within ${vm.windowDays} days` : ''}. Pale bars are immature cohorts.`
            : `SQO entries ÷ ${from} entries of each group in the quarter (period conversion, mixes cohorts).`}{' '}
          Groups: by default every group with at least {params.minSample} {from}s in view (the sample threshold), so
          small sources that convert well are not hidden behind the largest ones; &ldquo;Top by volume&rdquo; takes the{' '}
          {GROUP_LIMITS.top} largest by leads, &ldquo;Top by rate&rdquo; the {GROUP_LIMITS.top} highest {label} among
          groups that reach the threshold, &ldquo;Chosen&rdquo; the groups you tick (at most {GROUP_LIMITS.max}). A
          quarter with fewer than {params.minSample} {from}s is hatched and labelled with its n; tooltips give the 95%
          Wilson interval. Every group is in the breakdown table below. Reference lines are published benchmarks,
          labelled with their source. Click a bar for its leads.
        </p>
      }
    >
      {params.groups === 'chosen' ? <GroupChooser options={options} chosen={params.chosen} /> : null}
      {series.length === 0 ? (
        <p className="muted">
          {params.groups === 'chosen'
            ? 'No group is ticked: tick the groups to compare.'
            : `No group has ${params.minSample} ${from}s in view: lower the sample threshold, or choose the groups.`}
        </p>
      ) : (
        <RateBarChart
          rows={rows}
          series={series}
          xLabel="Quarter"
          yLabel={`${label} (%)`}
          benchmarks={params.compare === 'sqlToSqo' ? benchmarksFor(vm, 'sqlToSqo') : []}
          onSelect={onSelect}
          height={series.length > 6 ? 380 : 340}
          smallNote={smallNote(params.minSample, `${from}s`)}
        />
      )}
    </ChartFrame>
  );
}

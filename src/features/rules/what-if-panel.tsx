import { memo, useDeferredValue, useMemo } from 'react';
import { SeriesBarChart } from '../../charts/series-bar-chart';
import { CHART_COLORS } from '../../charts/theme';
import { formatCount } from '../../lib/format';
import { ChartFrame } from '../../ui/chart-frame';
import type { WhatIfViewModel } from '../../worker/api';
import { COLUMNS, buildWhatIfModel } from './build-what-if-model';

const COLORS = { draft: CHART_COLORS.score, applied: CHART_COLORS.fit, recorded: CHART_COLORS.recorded } as const;

const DEFINITION = (
  <>
    <p>
      Population: leads in the filters whose outcome is known (won, lost or disqualified, or older than the maturity
      window of 180 days). Each lead is scored as of the earlier of its first 30 days and its first sales stage (SAL or
      later), so deal activity that follows the outcome does not flatter the rule.
    </p>
    <p>
      Draft = your edited weights with the thresholds above; Last applied = the rule set as of the last Apply; Recorded
      process = the stages the CRM recorded (a lead that reached a later stage counts as MQL). Model SQL = MQL and a
      booked meeting (or the chosen activity); model SQO = SQL and every required criterion true on the lead&apos;s
      opportunity.
    </p>
    <p>
      Precision = qualified leads that reached SQO (or were won) ÷ qualified leads. Recall = those ÷ all leads that
      reached SQO (or were won). SDR workload = MQLs ÷ (SDRs owning the leads × weeks spanned by their creation dates).
      &quot;no data&quot; means the denominator is 0.
    </p>
  </>
);

type Volumes = ReturnType<typeof buildWhatIfModel>['volumes'];

/** The volume bars; no animation, so a redraw shows the new figures at once. */
const VolumeChart = memo(function VolumeChart({ volumes }: { volumes: Volumes }) {
  return (
    <div
      className="what-if__chart"
      role="img"
      aria-label="Leads qualified at each stage under the draft, the last applied rules and the recorded process"
    >
      <SeriesBarChart
        rows={volumes}
        xKey="stage"
        x={{ label: 'Stage', labelOffset: -12 }}
        y={{ label: 'Leads', tickFormat: (v) => formatCount(v) }}
        series={COLUMNS.map((c) => ({ key: c.key, name: c.label, color: COLORS[c.key] }))}
        tooltipValue={(v) => formatCount(Number(v))}
        legend={{ at: 'top' }}
        height={260}
        margin={{ top: 8, right: 8, bottom: 24, left: 16 }}
      />
    </div>
  );
});

interface WhatIfPanelProps {
  readonly vm: WhatIfViewModel;
  readonly currency: string;
  readonly stale: boolean;
}

/** The table follows each result; the chart, costlier to draw, at the pace the main thread allows (a deferred value). */
export const WhatIfPanel = memo(function WhatIfPanel({ vm, currency, stale }: WhatIfPanelProps) {
  const model = useMemo(() => buildWhatIfModel(vm, currency), [vm, currency]);
  const volumes = useDeferredValue(model.volumes);
  return (
    <ChartFrame
      title="What-if: draft vs last applied vs recorded process"
      units={`leads, rates and ${currency}, over ${formatCount(vm.matured)} matured leads`}
      definition={DEFINITION}
      csv={{ fileName: 'what-if.csv', ...model.csv }}
    >
      <div className="what-if" aria-busy={stale}>
        <table className="table what-if__table" aria-label="What-if figures">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className="num">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {r.cells.map((v, k) => (
                  <td key={COLUMNS[k]!.key} className="num" data-testid={`whatif-${COLUMNS[k]!.key}-${r.label}`}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <VolumeChart volumes={volumes} />
      </div>
    </ChartFrame>
  );
});

import { needsList } from '../../engine/capabilities';
import { formatCount, formatMoney, formatPercent } from '../../lib/format';
import { uncheckedText } from '../../lib/unchecked-text';
import type { DetectorView, HygieneView } from '../../worker/api';
import { DETECTOR_TITLES, ruleText } from './build-hygiene-model';
import { hygieneActions } from './rules-state';

export const LIST_ID = 'hygiene-list';

export function DetectorCard({ d, view, open }: { d: DetectorView; view: HygieneView; open: boolean }) {
  const title = DETECTOR_TITLES[d.key];
  return (
    <article className="hy-card" aria-labelledby={`hy-${d.key}`}>
      <h2 id={`hy-${d.key}`}>{title}</h2>
      <p className="hy-card__rule">{ruleText(d.key, view)}</p>
      {d.notMeasurable ? (
        <p className="hy-card__unmeasurable" role="note">
          <strong>Not measurable</strong> — needs {needsList(d.notMeasurable)}.
        </p>
      ) : (
        <DetectorFigures d={d} view={view} open={open} />
      )}
    </article>
  );
}

function DetectorFigures({ d, view, open }: { d: DetectorView; view: HygieneView; open: boolean }) {
  const cur = view.currency;
  const share = view.marketingShare;
  return (
    <>
      {d.unchecked.map((u) => {
        const text = uncheckedText(u);
        return (
          <p key={u.part} className="hy-card__unchecked muted">
            {text.charAt(0).toUpperCase() + text.slice(1)}.
          </p>
        );
      })}
      {d.key === 'marketing' ? (
        <p className="hy-card__share">
          Marketing-sourced share of SQO pipeline: <strong>{formatPercent(share.anyTouch)}</strong> by any touch ever,{' '}
          <strong>{formatPercent(share.firstTouchWindow)}</strong> by first touch within the window.
        </p>
      ) : null}
      <dl className="hy-card__figures">
        <div>
          <dt>Flagged</dt>
          <dd>
            {formatCount(d.count)}{' '}
            <span className="muted">
              of {formatCount(d.considered)} SQOs ({formatPercent(d.considered ? d.count / d.considered : null)})
            </span>
          </dd>
        </div>
        <div>
          <dt>Pipeline involved</dt>
          <dd>
            {formatMoney(d.amountCents, cur)}{' '}
            <span className="muted">({formatMoney(d.openAmountCents, cur)} still open)</span>
          </dd>
        </div>
        <div>
          <dt>Win rate, flagged</dt>
          <dd>
            {formatPercent(d.flagged.winRate)} <span className="muted">of {formatCount(d.flagged.closed)} closed</span>
          </dd>
        </div>
        <div>
          <dt>Win rate, clean</dt>
          <dd>
            {formatPercent(d.clean.winRate)} <span className="muted">of {formatCount(d.clean.closed)} closed</span>
          </dd>
        </div>
      </dl>
      <button
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={LIST_ID}
        disabled={d.count === 0}
        onClick={() => hygieneActions.listOpened(open ? null : d.key)}
      >
        {open ? 'Hide the list' : `Show the ${formatCount(d.count)} opportunities`}
      </button>
    </>
  );
}

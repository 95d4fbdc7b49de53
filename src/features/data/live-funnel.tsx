import type { LeadsFunnelSnapshot } from '../../import/leads-funnel-stream';
import { buildLiveFunnelModel } from './live-funnel-model';

/**
 * The stage funnel of the leads read so far (inclusive reach, bots left out), shown while the file
 * is still being read; the real views replace it once the data is loaded.
 */
export function LiveFunnel({ snapshot }: { snapshot: LeadsFunnelSnapshot }) {
  const model = buildLiveFunnelModel(snapshot);
  return (
    <figure
      className="live-funnel"
      data-testid="live-funnel"
      data-rows-read={snapshot.rowsRead}
      data-complete={snapshot.complete}
    >
      <figcaption>
        Stage funnel of the leads read — <span data-testid="live-funnel-caption">{model.caption}</span>
      </figcaption>
      <table>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Leads</th>
            <th scope="col">Of all leads</th>
            <th scope="col">
              <span className="visually-hidden">Bar</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {model.rows.map((r) => (
            <tr key={r.stage}>
              <th scope="row">{r.label}</th>
              <td className="num">{r.countText}</td>
              <td className="num">{r.shareText}</td>
              <td className="live-funnel__bar-cell" aria-hidden="true">
                <span className="live-funnel__bar" style={{ width: `${(r.share * 100).toFixed(1)}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Leads, bots left out, counted at every stage up to the furthest their own stage dates reach; % of all leads read
        so far. Won deals and stages recorded on opportunities in other files count once the whole dataset is loaded.
      </p>
    </figure>
  );
}

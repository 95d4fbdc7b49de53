import type { StageCategoryView } from '../../worker/api';
import { CATEGORY_LABELS } from '../../lib/forecast-labels';
import { CATEGORY_IDS, dealActions, type CategoryId } from './deal-settings';

/** The stage → forecast category map, editable; an edit is kept in the URL. */
export function StageCategoryMap({ stages }: { stages: readonly StageCategoryView[] }) {
  return (
    <fieldset className="fc-catmap">
      <legend>
        Stage → forecast category (used where the rep recorded none; edits are kept in the link and saved with rule
        sets)
      </legend>
      {stages.map((s) => (
        <label key={s.stage}>
          {s.stage}
          <select
            value={s.category}
            onChange={(e) =>
              dealActions.stageCategoryChanged(
                s.stage,
                e.target.value as CategoryId,
                e.target.value === s.defaultCategory,
              )
            }
          >
            {CATEGORY_IDS.filter((c) => c !== 'closed').map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
                {c === s.defaultCategory ? ' (default)' : ''}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}

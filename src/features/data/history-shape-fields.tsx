import { HISTORY_FIELDS, type HistoryField } from '../../import/history/shape';
import { FIELD_LABEL } from '../../import/history/shaped';
import type { TableMapping } from '../../import/mapping/schema';
import type { UnmappedFile } from '../../import/pipeline';
import {
  SHAPE_LABEL,
  distinctOfColumn,
  fieldNameOf,
  shapeOf,
  withChangeColumn,
  withFieldName,
  withProbabilityScale,
  withShape,
  type ShapeChoice,
} from './history-mapping-model';

interface Props {
  readonly file: UnmappedFile;
  readonly tm: TableMapping;
  readonly onChange: (tm: TableMapping) => void;
}

/** Which shape the deal history of a file has. */
export function HistoryShapeChoice({ file, tm, onChange }: Props) {
  return (
    <label className="mapping-row">
      <span>The history is written as</span>
      <select
        value={shapeOf(tm)}
        onChange={(e) => onChange(withShape(tm, e.target.value as ShapeChoice, file))}
        aria-label={`${file.file}: shape of the history`}
      >
        {(Object.keys(SHAPE_LABEL) as ShapeChoice[]).map((k) => (
          <option key={k} value={k}>
            {SHAPE_LABEL[k]}
          </option>
        ))}
      </select>
    </label>
  );
}

function ColumnSelect({
  file,
  label,
  value,
  empty,
  onPick,
}: {
  file: UnmappedFile;
  label: string;
  value: string;
  empty: string;
  onPick: (column: string) => void;
}) {
  return (
    <label className="mapping-row">
      <span>{label}</span>
      <select value={value} onChange={(e) => onPick(e.target.value)} aria-label={`${file.file}: ${label}`}>
        <option value="">{empty}</option>
        {file.header.map((h, i) => (
          <option key={`${h}-${i}`} value={h.trim()}>
            {h.trim() === '' ? `(column ${i + 1})` : h.trim()}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The shape's own settings: the probability scale and, for field changes, columns and field names. */
export function HistoryShapeControls({ file, tm, onChange }: Props) {
  const shape = tm.shape;
  if (shape === undefined) return null;
  const names = shape.kind === 'changes' ? distinctOfColumn(file, shape.field) : [];
  return (
    <>
      {shape.kind === 'changes' ? (
        <>
          <ColumnSelect
            file={file}
            label="Column naming the field that changed"
            value={shape.field}
            empty="(not chosen: rows rejected)"
            onPick={(c) => onChange(withChangeColumn(tm, 'field', c, file))}
          />
          <ColumnSelect
            file={file}
            label="Column with the new value"
            value={shape.value}
            empty="(not chosen: rows rejected)"
            onPick={(c) => onChange(withChangeColumn(tm, 'value', c, file))}
          />
          <ColumnSelect
            file={file}
            label="Column with the previous value"
            value={shape.previous ?? ''}
            empty="(none)"
            onPick={(c) => onChange(withChangeColumn(tm, 'previous', c, file))}
          />
        </>
      ) : null}
      <label className="mapping-row">
        <span>Probability is written as</span>
        <select
          value={shape.probability}
          onChange={(e) => onChange(withProbabilityScale(tm, e.target.value as 'fraction' | 'percent'))}
          aria-label={`${file.file}: probability scale`}
        >
          <option value="fraction">a fraction 0–1 (0.25)</option>
          <option value="percent">a percentage 0–100 (25)</option>
        </select>
      </label>
      {names.length > 0 ? (
        <div className="mapping-values">
          <h4>Which field each {shape.kind === 'changes' ? shape.field : ''} value sets</h4>
          {names.map((n) => (
            <label key={n} className="mapping-row">
              <span className="cell-value">{n}</span>
              <select
                value={fieldNameOf(tm, n)}
                onChange={(e) => onChange(withFieldName(tm, n, e.target.value as HistoryField | ''))}
                aria-label={`Field set by ${n}`}
              >
                <option value="">(not tracked: rows rejected)</option>
                {HISTORY_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {FIELD_LABEL[f]}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      ) : null}
    </>
  );
}

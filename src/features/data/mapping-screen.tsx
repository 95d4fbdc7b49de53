import { useState } from 'react';
import { REQUIRED_FIELDS } from '../../import/mapping/fields';
import { MAPPING_VERSION, TARGETS, type Mapping, type TableMapping } from '../../import/mapping/schema';
import type { UnmappedFile } from '../../import/pipeline';
import { downloadBlob } from '../../lib/csv-export';
import { fileStem } from '../../import/dataset-export';
import { formatCount } from '../../lib/format';
import {
  LEAD_STATUS_CHOICES,
  STATUS_CHOICES,
  defaultOf,
  distinctOf,
  initialTables,
  missingRequired,
  sourceOf,
  statusValueOf,
  withDefault,
  withSource,
  withStatusValue,
  withTarget,
} from './mapping-model';
import { missingShapeColumns, shapeFields } from './history-mapping-model';
import { HistoryShapeChoice, HistoryShapeControls } from './history-shape-fields';
import { loadSavedMappings, saveMapping } from './saved-mappings';

const TARGET_LABEL: Record<string, string> = {
  skip: 'Leave this file out',
  leads: 'Leads',
  accounts: 'Accounts',
  opportunities: 'Opportunities',
  opportunity_stages: 'Opportunity stage history',
  opportunity_history: 'Deal history (changes of stage, amount, close date, probability, forecast category)',
  activities: 'Activities',
  touches: 'Touches',
  plan: 'Plan (quota per quarter)',
  currency_rates: 'Currency rates',
};

function FileMapping({
  file,
  tm,
  onChange,
}: {
  file: UnmappedFile;
  tm: TableMapping;
  onChange: (tm: TableMapping) => void;
}) {
  const id = `map-${file.file.replace(/[^a-z0-9]/gi, '-')}`;
  const required = new Set(REQUIRED_FIELDS[tm.target] ?? []);
  const missing = [...missingRequired(tm), ...missingShapeColumns(tm)];
  const history = tm.target === 'opportunity_history';
  const statusValues = tm.target === 'opportunities' || tm.target === 'leads' ? distinctOf(file, tm, 'status') : [];
  const leads = tm.target === 'leads';
  return (
    <fieldset className="mapping-file" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`}>
        {file.file} <span className="muted">({file.header.length} columns)</span>
      </legend>
      <label className="mapping-row">
        <span>Rows of this file are</span>
        <select
          value={tm.target}
          onChange={(e) => onChange(withTarget(tm, e.target.value))}
          aria-label={`What the rows of ${file.file} are`}
        >
          {['skip', ...TARGETS].map((t) => (
            <option key={t} value={t}>
              {TARGET_LABEL[t] ?? t}
            </option>
          ))}
        </select>
      </label>
      {tm.target !== 'skip' ? (
        <>
          {history ? <HistoryShapeChoice file={file} tm={tm} onChange={onChange} /> : null}
          <div className="mapping-grid">
            {shapeFields(tm).map((field) => (
              <label key={field} className="mapping-row">
                <span>
                  {field === 'at' && tm.shape?.kind === 'snapshots' ? 'at (valid from)' : field}
                  {required.has(field) ? <abbr title="required"> *</abbr> : null}
                </span>
                <select
                  value={sourceOf(tm, field)}
                  onChange={(e) => onChange(withSource(tm, field, e.target.value))}
                  aria-label={`${file.file}: column for ${field}`}
                >
                  <option value="">(not mapped)</option>
                  {file.header.map((h, i) => (
                    <option key={`${h}-${i}`} value={h.trim()}>
                      {h.trim() === '' ? `(column ${i + 1})` : h.trim()}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {history ? <HistoryShapeControls file={file} tm={tm} onChange={onChange} /> : null}
          {tm.target === 'opportunities' ? (
            <label className="mapping-row">
              <span>When amount is empty, use</span>
              <input
                inputMode="decimal"
                value={defaultOf(tm, 'amount')}
                placeholder="(reject the row)"
                onChange={(e) => onChange(withDefault(tm, 'amount', e.target.value))}
                aria-label={`${file.file}: amount to use when empty`}
              />
            </label>
          ) : null}
          <label className="mapping-row">
            <span>Dates such as 03/04/2025 are</span>
            <select
              value={tm.dateFormat ?? ''}
              onChange={(e) =>
                onChange({ ...tm, dateFormat: e.target.value === '' ? undefined : (e.target.value as 'mdy' | 'dmy') })
              }
              aria-label={`${file.file}: date format of ambiguous dates`}
            >
              <option value="">not chosen (ambiguous dates are not read)</option>
              <option value="mdy">MM/DD/YYYY (4 March)</option>
              <option value="dmy">DD/MM/YYYY (3 April)</option>
            </select>
          </label>
          {statusValues.length > 0 ? (
            <div className="mapping-values">
              <h4>
                {leads
                  ? `Which ${sourceOf(tm, 'status')} values mean disqualified`
                  : `Status of each ${sourceOf(tm, 'status')} value`}
              </h4>
              {statusValues.map((v) => (
                <label key={v} className="mapping-row">
                  <span className="cell-value">{v}</span>
                  <select
                    value={statusValueOf(tm, v)}
                    onChange={(e) => onChange(withStatusValue(tm, v, e.target.value))}
                    aria-label={`Status for ${v}`}
                  >
                    <option value="">
                      {leads
                        ? '(as written: "Closed - Not Converted", "Unqualified" and "Disqualified" mean disqualified)'
                        : '(not mapped: rows rejected)'}
                    </option>
                    {(leads ? LEAD_STATUS_CHOICES : STATUS_CHOICES).map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          ) : null}
          {missing.length > 0 ? (
            <p className="mapping-missing">
              Required and not mapped: {missing.join(', ')}. Every row will be rejected.
            </p>
          ) : null}
        </>
      ) : null}
      <details>
        <summary>First rows of {file.file}</summary>
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">First rows of {file.file}</caption>
            <thead>
              <tr>
                {file.header.map((h, i) => (
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {file.sample.map((r, k) => (
                <tr key={k}>
                  {file.header.map((_, i) => (
                    <td key={i}>{r[i] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </fieldset>
  );
}

/** Map the columns (and status values) of files no preset knows; apply, and save for next time. */
export function MappingScreen({
  files,
  busy,
  onApply,
}: {
  files: readonly UnmappedFile[];
  busy: boolean;
  onApply: (m: Mapping) => void;
}) {
  const [saved, setSaved] = useState(loadSavedMappings);
  const [tables, setTables] = useState<TableMapping[]>(() => initialTables(files));
  const [name, setName] = useState('My mapping');
  const [message, setMessage] = useState<string | null>(null);
  const mapping: Mapping = { version: MAPPING_VERSION, name: name.trim() || 'My mapping', tables };
  const applySaved = (savedName: string) => {
    const m = saved.mappings.find((x) => x.name === savedName);
    if (!m) return;
    setTables(initialTables(files, m));
    setName(m.name);
    setMessage(`Using saved mapping "${m.name}".`);
  };
  const save = () => {
    const error = saveMapping(mapping);
    setMessage(error ?? `Saved mapping "${mapping.name}" in this browser.`);
    setSaved(loadSavedMappings());
  };
  return (
    <section className="card mapping-screen" aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">Map your columns</h2>
      <p>
        No preset describes {files.length === 1 ? 'this file' : `these ${formatCount(files.length)} files`}. Say what
        each file holds and which column feeds each field; the proposal below is a guess from the column names. Columns
        you leave unmapped are kept as custom attributes.
      </p>
      {saved.problem ? <p role="alert">{saved.problem}</p> : null}
      {saved.mappings.length > 0 ? (
        <label className="mapping-row">
          <span>Start from a saved mapping</span>
          <select defaultValue="" onChange={(e) => applySaved(e.target.value)} aria-label="Saved mappings">
            <option value="">(the proposal)</option>
            {saved.mappings.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {files.map((f, i) => (
        <FileMapping
          key={f.file}
          file={f}
          tm={tables[i]!}
          onChange={(tm) => setTables((ts) => ts.map((t, k) => (k === i ? tm : t)))}
        />
      ))}
      <div className="mapping-actions">
        <label className="mapping-row">
          <span>Mapping name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </label>
        <button type="button" className="button button--small" onClick={save}>
          Save mapping
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            downloadBlob(
              new Blob([JSON.stringify(mapping, null, 2)], { type: 'application/json' }),
              `${fileStem(mapping.name)}.mapping.json`,
            )
          }
        >
          Download mapping (for revlens --mapping)
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => onApply(mapping)}>
          Preview with this mapping
        </button>
      </div>
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}

import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { Mapping } from '../../import/mapping/schema';
import {
  currentBrowserMemoryBudget,
  importLimitBytes,
  limitStatement,
  selectionProblem,
  sizedBlob,
} from '../../import/source/memory-limit';
import { ErrorState } from '../../ui/states';
import type { ImportPreview, ImportProgress } from '../../worker/api';
import { engine } from '../../worker/client';
import { ImportPreviewCard } from './import-preview';
import { LiveFunnel } from './live-funnel';
import { MappingScreen } from './mapping-screen';
import { useCommitImport, usePreviewImport, type PreviewSource } from './queries';

const MB = 1024 * 1024;

function progressText(p: ImportProgress | null): string {
  if (!p) return 'Starting…';
  if (p.phase === 'parsing') return `Checking every row of ${p.file}…`;
  if (p.phase === 'done') return 'Done.';
  const loaded = `${(p.loaded / MB).toFixed(1)} MB`;
  return p.total ? `Reading ${p.file}: ${loaded} of ${(p.total / MB).toFixed(1)} MB` : `Reading ${p.file}: ${loaded}`;
}

/**
 * Load your own files: drop them, pick them (several at once) or give a URL. Files are read and
 * checked in the worker; the report is shown before anything replaces the current dataset.
 */
export function ImportPanel() {
  // The page's memory, read once: the limit stated below is the one the selection is checked
  // against and the one the worker enforces while it reads.
  const [limit] = useState(() => {
    const budget = currentBrowserMemoryBudget();
    const bytes = importLimitBytes(budget);
    return { bytes, statement: limitStatement(bytes, budget) };
  });
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [source, setSource] = useState<PreviewSource | null>(null);
  const [dragging, setDragging] = useState(false);
  const [url, setUrl] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const [remapError, setRemapError] = useState<unknown>(null);
  const [remapping, setRemapping] = useState(false);
  const [mappingKey, setMappingKey] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const read = usePreviewImport(setProgress);
  const commit = useCommitImport();
  const busy = read.isPending || commit.isPending || remapping;

  const start = async (next: PreviewSource) => {
    setRefused(null);
    setRemapError(null);
    if (next.kind === 'files') {
      if (next.files.length === 0) return;
      // Sizes and a sample of each file's start (its fields per byte): nothing else is read yet.
      const tooBig = selectionProblem(await Promise.all(next.files.map(sizedBlob)), limit.bytes);
      if (tooBig) {
        setRefused(tooBig);
        return;
      }
    }
    if (preview) void engine().discardImport(preview.id);
    setPreview(null);
    setProgress(null);
    setSource(next);
    setMappingKey((k) => k + 1);
    read.mutate({ source: next, settings: { limitBytes: limit.bytes } }, { onSuccess: setPreview });
  };

  const remap = async (mapping: Mapping) => {
    if (!preview) return;
    setRemapping(true);
    setRemapError(null);
    try {
      setPreview(await engine().remapImport(preview.id, mapping));
    } catch (e) {
      setRemapError(e);
    } finally {
      setRemapping(false);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void start({ kind: 'files', files: Array.from(e.dataTransfer.files) });
  };
  const submitUrl = (e: FormEvent) => {
    e.preventDefault();
    if (url.trim() !== '') void start({ kind: 'url', url: url.trim() });
  };
  const discard = () => {
    if (preview) void engine().discardImport(preview.id);
    setPreview(null);
    setSource(null);
    commit.reset();
  };

  return (
    <>
      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">Load your own data</h2>
        <p className="muted">
          Salesforce exports (Lead, Opportunity, OpportunityHistory, Account, CampaignMember), HubSpot contacts and
          deals exports, the canonical folder as CSV or Parquet files (leads.csv or leads.parquet, …) or JSON, or any
          CSV or Parquet file through the mapping screen. Your files never leave this browser.
        </p>
        <p className="muted" data-testid="import-limit">
          {limit.statement}
        </p>
        <div
          className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>Drop CSV, Parquet or JSON files here, or</p>
          <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
            Choose files…
          </button>
          <input
            ref={input}
            className="visually-hidden"
            type="file"
            multiple
            accept=".csv,.json,.txt,.parquet,text/csv,application/json,application/vnd.apache.parquet"
            aria-label="Files to import"
            tabIndex={-1}
            onChange={(e) => {
              void start({ kind: 'files', files: Array.from(e.target.files ?? []) });
              e.target.value = '';
            }}
          />
        </div>
        <form className="url-form" onSubmit={submitUrl}>
          <label>
            Or load from a URL (no cookies or credentials are sent)
            <input
              type="url"
              value={url}
              placeholder="https://example.com/opportunities.csv"
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>
          <button type="submit" className="button button--small" disabled={busy || url.trim() === ''}>
            Load URL
          </button>
        </form>
        {read.isPending ? (
          <div className="import-progress" role="status" aria-live="polite">
            <progress
              max={progress?.total ?? undefined}
              value={progress?.phase === 'reading' ? progress.loaded : undefined}
              aria-label="Import progress"
            />
            <span>{progressText(progress)}</span>
            <button type="button" className="button button--small" onClick={() => void engine().cancelImport()}>
              Cancel
            </button>
          </div>
        ) : null}
        {read.isPending && progress?.funnel ? <LiveFunnel snapshot={progress.funnel} /> : null}
        {refused ? <ErrorState title="Nothing was read; the current dataset is unchanged" error={refused} /> : null}
        {read.error ? (
          <ErrorState title="The import stopped; the current dataset is unchanged" error={read.error} />
        ) : null}
        {remapError ? <ErrorState title="The mapping could not be applied" error={remapError} /> : null}
        {commit.error ? <ErrorState title="The dataset was not replaced" error={commit.error} /> : null}
        {commit.isSuccess && !preview ? (
          <p role="status">Loaded. Every view now shows your data; the import report is below.</p>
        ) : null}
      </section>
      {preview && preview.unmapped.length > 0 ? (
        <MappingScreen key={mappingKey} files={preview.unmapped} busy={busy} onApply={(m) => void remap(m)} />
      ) : null}
      {preview ? (
        <ImportPreviewCard
          preview={preview}
          source={source}
          busy={busy}
          onCommit={() => commit.mutate(preview.id, { onSuccess: () => setPreview(null) })}
          onDiscard={discard}
        />
      ) : null}
    </>
  );
}

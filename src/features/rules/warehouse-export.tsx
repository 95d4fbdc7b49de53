import { memo, useState } from 'react';
import type { AttributeInfo } from '../../engine/scoring/attributes';
import type { RuleSet } from '../../engine/scoring/rules';
import { downloadBlob } from '../../lib/csv-export';
import { DIALECTS, type Dialect } from '../../warehouse/sql/ast';

const LABELS: Readonly<Record<Dialect, string>> = {
  duckdb: 'DuckDB',
  postgres: 'PostgreSQL',
  bigquery: 'BigQuery',
  snowflake: 'Snowflake',
  spark: 'Spark SQL (Databricks)',
};

/** "Export to warehouse": the draft rule set as a dbt package (zip) for the chosen SQL dialect. */
export const WarehouseExport = memo(function WarehouseExport({
  rules,
  attributes,
}: {
  rules: RuleSet;
  attributes: readonly AttributeInfo[];
}) {
  const [dialect, setDialect] = useState<Dialect>('snowflake');
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section className="card rule-set-actions" aria-labelledby="warehouse-export-heading">
      <h2 id="warehouse-export-heading">Export to warehouse</h2>
      <p className="muted">
        A dbt project that computes these rules' fit and intent scores, tiers, routes and model stages in your
        warehouse, with tests and score files in HubSpot's and Salesforce's import shapes for write-back. Each run
        scores as of the latest event in the tables.
      </p>
      <div className="rule-set-actions__row">
        <label className="stacked-field">
          SQL dialect
          <select value={dialect} onChange={(e) => setDialect(e.target.value as Dialect)}>
            {DIALECTS.map((d) => (
              <option key={d} value={d}>
                {LABELS[d]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--small"
          onClick={async () => {
            // Loaded on demand: the compiler and the zip writer stay out of the first download.
            const { dbtPackageZip, customColumnsOfAttributes } = await import('../../warehouse/package-zip');
            const zip = dbtPackageZip({ dialect, rules, custom: customColumnsOfAttributes(attributes) });
            downloadBlob(
              new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
              `revlens-dbt-${dialect}.zip`,
            );
            setMessage(`Downloaded revlens-dbt-${dialect}.zip.`);
          }}
        >
          Export to warehouse
        </button>
      </div>
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
});

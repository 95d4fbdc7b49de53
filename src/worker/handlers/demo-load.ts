/**
 * The demo company is generated in memory (its records are valid by construction); its few
 * deliberately dirty rows are written as CSV and read by the real importer, so the import report
 * shows them rejected with their reasons, exactly as a user's file would.
 */
import {
  generateDemoCompany,
  generateDemoCompanyStepwise,
  withDirtyRows,
  type DemoCompany,
  type DemoManifest,
  type DemoProgress,
} from '../../demo/generate';
import { emptyRecordSet, type RecordSet } from '../../engine/model/records';
import { readCanonicalCsv } from '../../import/canonical/read-csv-folder';
import { writeCanonicalCsv } from '../../import/canonical/write';
import type { FileReport, ImportReport } from '../../import/report';

const EMPTY: RecordSet = emptyRecordSet();

function generatedFiles(rs: RecordSet): FileReport[] {
  let stageRows = 0;
  for (const o of rs.opportunities) stageRows += o.stageHistory.length;
  const counts: [string, number][] = [
    ['accounts.csv', rs.accounts.length],
    ['leads.csv', rs.leads.length],
    ['activities.csv', rs.activities.length],
    ['opportunities.csv', rs.opportunities.length],
    ['opportunity_stages.csv', stageRows],
    ['touches.csv', rs.touches.length],
    ['plan.csv', rs.plan.quotas.length],
  ];
  return counts.map(([file, n]) => ({ file, rowsRead: n, accepted: n, repaired: 0, rejected: 0 }));
}

export function loadDemoCompany(
  seed: number,
  leads: number,
): { records: RecordSet; report: ImportReport; manifest: DemoManifest } {
  return withReport(generateDemoCompany({ seed, leads }));
}

/** `loadDemoCompany`, generated slice by slice with progress and a way to stop (see `generateDemoCompanyStepwise`). */
export async function loadDemoCompanyStepwise(
  seed: number,
  leads: number,
  step: { readonly onProgress?: (p: DemoProgress) => void; readonly cancelled?: () => boolean },
): Promise<{ records: RecordSet; report: ImportReport; manifest: DemoManifest }> {
  return withReport(await generateDemoCompanyStepwise({ seed, leads }, step));
}

function withReport({ records, manifest }: DemoCompany): {
  records: RecordSet;
  report: ImportReport;
  manifest: DemoManifest;
} {
  const headersOnly = writeCanonicalCsv(EMPTY);
  delete headersOnly['plan.csv'];
  const dirty = withDirtyRows(headersOnly);
  const dirtyRead = readCanonicalCsv(Object.entries(dirty).map(([name, text]) => ({ name, text })));
  const generated = new Map(generatedFiles(records).map((f) => [f.file, f.rowsRead]));
  const files = generatedFiles(records).map((f) => {
    const d = dirtyRead.report.files.find((x) => x.file === f.file);
    return d
      ? {
          file: f.file,
          rowsRead: f.rowsRead + d.rowsRead,
          accepted: f.accepted + d.accepted,
          repaired: f.repaired + d.repaired,
          rejected: f.rejected + d.rejected,
        }
      : f;
  });
  const sum = (k: 'rowsRead' | 'accepted' | 'repaired' | 'rejected') => files.reduce((s, f) => s + f[k], 0);
  const report: ImportReport = {
    files,
    rowsRead: sum('rowsRead'),
    accepted: sum('accepted'),
    repaired: sum('repaired'),
    rejected: sum('rejected'),
    // The dirty rows come after the generated ones in each file: number them as they would stand.
    issues: dirtyRead.report.issues.map((i) => ({ ...i, row: i.row + (generated.get(i.file) ?? 0) })),
    warnings: dirtyRead.report.warnings.filter((w) => !/missing|not supplied/i.test(w.message)),
  };
  return { records, report, manifest };
}

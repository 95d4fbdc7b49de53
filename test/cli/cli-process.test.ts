import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCanonicalCsv } from '../../src/import/canonical/write';
import { handRecords } from '../engine/funnel/hand-fixture';

const dir = mkdtempSync(join(tmpdir(), 'revlens-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function revlens(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the revlens command', () => {
  it('prints one JSON object with --json', () => {
    const good = join(dir, 'good');
    rmSync(good, { recursive: true, force: true });
    mkdirSync(good);
    for (const [name, text] of Object.entries(writeCanonicalCsv(handRecords()))) writeFileSync(join(good, name), text);
    const r = revlens('report', good, '--json', '--as-of', '2026-06-30', '--mode', 'strict');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { stageCounts: { mql: number }; funnel: { mode: string } };
    expect(out.funnel.mode).toBe('strict');
    expect(out.stageCounts.mql).toBe(4);
  });

  it('exits non-zero with the import report reasons on stderr for an invalid dataset', () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'leads.csv'), 'id,created_at\nL1,not-a-date\n');
    const r = revlens('report', bad, '--json');
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Nothing usable was read/);
    expect(r.stderr).toMatch(/leads\.csv row 1/);
  });
});

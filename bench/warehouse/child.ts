/**
 * Runs one `revlens` command in this process and, on exit, prints the process's peak resident set
 * (DuckDB's native memory included) as the last stderr line: `peakRssKb <n>`.
 */
process.on('exit', () => process.stderr.write(`\npeakRssKb ${process.resourceUsage().maxRSS}\n`));
await import('../../src/cli/main.ts');

export {};

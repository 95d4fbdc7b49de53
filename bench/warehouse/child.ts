/**
 * Runs one `revlens` command in this process and, on exit, prints the process's CPU time (user and
 * system, all threads) and peak resident set (DuckDB's native memory included) as the last stderr
 * line: `cpuMs <n> peakRssKb <n>`.
 */
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\ncpuMs ${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)} peakRssKb ${u.maxRSS}\n`);
});
await import('../../src/cli/main.ts');

export {};

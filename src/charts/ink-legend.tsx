/** Legend entries in the ink colour: series colours are often too pale to read as text. */
export function inkLegend(value: unknown) {
  return <span className="chart-legend">{String(value)}</span>;
}

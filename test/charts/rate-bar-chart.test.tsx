// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RateBarChart } from '../../src/charts/rate-bar-chart';

const rows = [
  { category: '2026-Q1', values: { rate: 0.25 }, immature: { rate: false }, tooltips: { rate: ['Q1', '25.0%'] } },
  { category: '2026-Q2', values: { rate: 0.1 }, immature: { rate: true }, tooltips: { rate: ['Q2', '10.0%'] } },
];

describe('the rate bar chart', () => {
  it('labels benchmarks with their sources and reports the clicked bar', () => {
    const onSelect = vi.fn();
    const { container } = render(
      <RateBarChart
        rows={rows}
        series={[{ key: 'rate', name: 'MQL→SQO', color: '#000' }]}
        xLabel="Quarter"
        yLabel="MQL→SQO (%)"
        benchmarks={[{ label: 'Average 59%', source: 'Gartner', low: 0.59, high: 0.59 }]}
        onSelect={onSelect}
      />,
    );
    expect(screen.getByRole('list', { name: 'Benchmark sources' })).toHaveTextContent('Average 59%: Gartner');
    const bars = container.querySelectorAll('.recharts-bar-rectangle');
    expect(bars).toHaveLength(2);
    fireEvent.click(bars[0]!.querySelector('path') ?? bars[0]!);
    expect(onSelect).toHaveBeenCalledWith('2026-Q1', 'rate');
  });
});

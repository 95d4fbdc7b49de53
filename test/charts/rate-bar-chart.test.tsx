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

describe('drilling by keyboard', () => {
  const series = [{ key: 'rate', name: 'MQL→SQO', color: '#000' }];

  it('makes each drillable bar a button named by its figures, activated by Enter or Space', async () => {
    const onSelect = vi.fn();
    render(<RateBarChart rows={rows} series={series} xLabel="Quarter" yLabel="%" onSelect={onSelect} />);
    const bars = await screen.findAllByRole('button');
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual(['Q1; 25.0% — show the leads behind it', 'Q2; 10.0% — show the leads behind it']);
    expect(bars.every((b) => b.getAttribute('tabindex') === '0')).toBe(true);
    fireEvent.keyDown(bars[1]!, { key: 'a' });
    fireEvent.keyDown(bars[1]!, { key: 'Tab' });
    expect(onSelect).not.toHaveBeenCalled();
    fireEvent.keyDown(bars[1]!, { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith('2026-Q2', 'rate');
    fireEvent.keyDown(bars[0]!, { key: ' ' });
    expect(onSelect).toHaveBeenLastCalledWith('2026-Q1', 'rate');
    expect(onSelect).toHaveBeenCalledTimes(2);
  });

  it('says what a bar does, and leaves bars of a chart that does not drill out of the tab order', () => {
    const { unmount } = render(<RateBarChart rows={rows} series={series} xLabel="Quarter" yLabel="%" onSelect={vi.fn()} selectAction="open the Funnel view" />);
    expect(screen.getAllByRole('button')[0]).toHaveAccessibleName('Q1; 25.0% — open the Funnel view');
    unmount();
    const { container } = render(<RateBarChart rows={rows} series={series} xLabel="Quarter" yLabel="%" />);
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});

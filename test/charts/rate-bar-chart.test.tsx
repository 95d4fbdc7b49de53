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
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Q1; 25.0% — show the leads behind it',
      'Q2; 10.0% — show the leads behind it',
    ]);
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
    const { unmount } = render(
      <RateBarChart
        rows={rows}
        series={series}
        xLabel="Quarter"
        yLabel="%"
        onSelect={vi.fn()}
        selectAction="open the Funnel view"
      />,
    );
    expect(screen.getAllByRole('button')[0]).toHaveAccessibleName('Q1; 25.0% — open the Funnel view');
    unmount();
    const { container } = render(<RateBarChart rows={rows} series={series} xLabel="Quarter" yLabel="%" />);
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});

describe('small samples', () => {
  const series = [{ key: 'rate', name: 'MQL→SQO', color: '#1f4e8c' }];
  const small = [
    { category: '2026-Q1', values: { rate: 0.3 }, tooltips: { rate: ['Q1', '30.0% (n = 400)'] } },
    {
      category: '2026-Q2',
      values: { rate: 1 },
      small: { rate: 'n = 2' },
      tooltips: { rate: ['Q2', '100.0% (95% CI 34.2–100.0%, n = 2)', 'Small sample: 2 MQLs, under 30'] },
    },
  ];

  it('hatches and labels a bar below the sample threshold with its n, and says what hatching means', () => {
    const { container } = render(
      <RateBarChart
        rows={small}
        series={series}
        xLabel="Quarter"
        yLabel="%"
        smallNote="Hatched bars rest on fewer than 30 MQLs."
      />,
    );
    const labels = [...container.querySelectorAll('.recharts-label-list text')].map((t) => t.textContent);
    expect(labels).toEqual(['n = 2']);
    const fills = [...container.querySelectorAll('.recharts-bar-rectangle path')].map((p) => p.getAttribute('fill'));
    expect(fills[0]).toBe('#1f4e8c');
    expect(fills[1]).toMatch(/^url\(#rate-hatch-/);
    expect(container.querySelector(`pattern[id="${fills[1]!.slice(5, -1)}"]`)).not.toBeNull();
    expect(screen.getByText('Hatched bars rest on fewer than 30 MQLs.')).toBeInTheDocument();
  });

  it('draws every bar solid, and no note, when no point is a small sample', () => {
    const { container } = render(
      <RateBarChart
        rows={[small[0]!]}
        series={series}
        xLabel="Quarter"
        yLabel="%"
        smallNote="Hatched bars rest on fewer than 30 MQLs."
      />,
    );
    expect(container.querySelectorAll('.recharts-label-list text')).toHaveLength(0);
    expect(screen.queryByText(/Hatched bars/)).toBeNull();
  });

  it('names a small-sample bar with its interval and sample for a screen reader', async () => {
    render(<RateBarChart rows={small} series={series} xLabel="Quarter" yLabel="%" onSelect={() => {}} />);
    const bars = await screen.findAllByRole('button');
    expect(bars[1]).toHaveAccessibleName(
      'Q2; 100.0% (95% CI 34.2–100.0%, n = 2); Small sample: 2 MQLs, under 30 — show the leads behind it',
    );
  });
});

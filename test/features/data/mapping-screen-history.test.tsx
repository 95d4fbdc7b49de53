// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MappingScreen } from '../../../src/features/data/mapping-screen';
import type { Mapping } from '../../../src/import/mapping/schema';
import type { UnmappedFile } from '../../../src/import/pipeline';

const header = ['Record ID', 'Property', 'Value', 'Timestamp'];
const rows = [
  ['101', 'dealstage', 'appointmentscheduled', '2024-01-02 09:00:00.000'],
  ['101', 'amount', '12500', '2024-01-02 09:00:00.000'],
  ['101', 'dealname', 'Acme, "big" deal', '2024-01-02 09:00:00.000'],
];
const file: UnmappedFile = {
  file: 'history.csv',
  header,
  sample: rows,
  distinct: header.map((_, i) => [...new Set(rows.map((r) => r[i]!))]),
  proposal: { file: 'history.csv', target: 'skip', columns: [], values: [], defaults: [] },
};

describe('mapping screen: deal history', () => {
  it('offers the deal-history target and its shapes: snapshots and one row per field change', async () => {
    const onApply = vi.fn<(m: Mapping) => void>();
    render(<MappingScreen files={[file]} busy={false} onApply={onApply} />);
    const target = screen.getByRole('combobox', { name: 'What the rows of history.csv are' });
    expect(within(target).getByRole('option', { name: /^Deal history/ })).toBeInTheDocument();
    await userEvent.selectOptions(target, 'opportunity_history');

    const shape = screen.getByRole('combobox', { name: 'history.csv: shape of the history' });
    expect(
      within(shape)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'One row per change (stage, amount… as they became)',
      'History snapshots: one full row per version of a deal, valid from a date',
      'One row per field change: a field name and its new value',
    ]);

    await userEvent.selectOptions(shape, 'snapshots');
    expect(screen.getByText('at (valid from)')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'history.csv: column for stage' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'history.csv: column for prev_amount' })).toBeNull();

    await userEvent.selectOptions(shape, 'changes');
    expect(screen.queryByRole('combobox', { name: 'history.csv: column for stage' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'history.csv: Column naming the field that changed' })).toHaveValue(
      'Property',
    );
    expect(screen.getByRole('combobox', { name: 'history.csv: Column with the new value' })).toHaveValue('Value');
    expect(screen.getByRole('combobox', { name: 'Field set by dealstage' })).toHaveValue('stage');
    expect(screen.getByRole('combobox', { name: 'Field set by amount' })).toHaveValue('amount');
    expect(screen.getByRole('combobox', { name: 'Field set by dealname' })).toHaveValue('');
    expect(screen.getByText(/Required and not mapped: opportunity_id, at\./)).toBeInTheDocument();

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'history.csv: column for opportunity_id' }),
      'Record ID',
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'history.csv: column for at' }), 'Timestamp');
    await userEvent.click(screen.getByRole('button', { name: 'Preview with this mapping' }));
    expect(onApply).toHaveBeenCalledTimes(1);
    expect(onApply.mock.calls[0]![0].tables[0]).toEqual({
      file: 'history.csv',
      target: 'opportunity_history',
      columns: [
        ['opportunity_id', 'Record ID'],
        ['at', 'Timestamp'],
      ],
      values: [],
      defaults: [],
      shape: {
        kind: 'changes',
        field: 'Property',
        value: 'Value',
        names: [
          ['dealstage', 'stage'],
          ['amount', 'amount'],
        ],
        probability: 'fraction',
      },
    });
  });
});

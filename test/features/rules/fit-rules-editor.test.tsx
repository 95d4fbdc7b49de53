// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AttributeInfo } from '../../../src/engine/scoring/attributes';
import { DEFAULT_RULE_SET } from '../../../src/engine/scoring/defaults';
import type { FitRule } from '../../../src/engine/scoring/rules';
import { FitRulesEditor } from '../../../src/features/rules/fit-rules-editor';
import { rulesActions, useDraftRules } from '../../../src/state/rules';

const attributes: AttributeInfo[] = [
  { ref: 'lead.persona', label: 'Persona', kind: 'dict' },
  { ref: 'account.employees', label: 'Employees', kind: 'num' },
];

function DraftEditor() {
  const draft = useDraftRules();
  return (
    <>
      <FitRulesEditor rules={draft.fitRules} attributes={attributes} />
      <output data-testid="draft">{JSON.stringify(draft.fitRules)}</output>
    </>
  );
}

const draftRule = (id: string): FitRule =>
  (JSON.parse(screen.getByTestId('draft').textContent ?? '[]') as FitRule[]).find((r) => r.id === id)!;

describe('the fit rules editor with base points and "is empty" rules', () => {
  const rules: FitRule[] = [
    { id: 'base', label: 'Base points', attribute: '', op: 'always', points: 70 },
    { id: 'no-emp', label: 'Employees unknown', attribute: 'account.employees', op: 'empty', points: -12 },
    {
      id: 'band',
      label: 'Employees 200–5000',
      attribute: 'account.employees',
      op: 'range',
      min: 200,
      max: 5000,
      points: 20,
    },
  ];

  it('shows base points as every lead, an "is empty" rule without values, and edits them into the draft', async () => {
    rulesActions.draftReplaced({ ...DEFAULT_RULE_SET, fitRules: rules });
    render(<DraftEditor />);
    const table = screen.getByRole('table', { name: 'Fit rules' });
    const base = within(table).getByRole('row', { name: /Base points/ });
    expect(within(base).getByText('any (every lead)')).toBeInTheDocument();
    expect(within(base).queryByRole('combobox', { name: /Attribute of rule/ })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Match of rule Base points' })).toHaveValue('always');
    expect(screen.queryByRole('textbox', { name: 'Values of rule Base points' })).toBeNull();
    // Base points run to ±100, an ordinary rule's to ±50.
    expect(screen.getByRole('spinbutton', { name: 'Points of rule Base points' })).toHaveAttribute('max', '100');
    expect(screen.getByRole('spinbutton', { name: 'Points of rule Employees 200–5000' })).toHaveAttribute('max', '50');

    expect(screen.getByRole('combobox', { name: 'Match of rule Employees unknown' })).toHaveValue('empty');
    expect(screen.getByRole('combobox', { name: 'Attribute of rule Employees unknown' })).toHaveValue(
      'account.employees',
    );
    expect(screen.queryByRole('textbox', { name: 'Values of rule Employees unknown' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Values of rule Employees 200–5000' })).toHaveValue('200–5000');

    // Turn the range into an "is empty" rule: the draft holds the new match, without the range.
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Match of rule Employees 200–5000' }),
      'is empty',
    );
    expect(draftRule('band')).toMatchObject({ op: 'empty', attribute: 'account.employees', points: 20 });
    expect(screen.getByRole('combobox', { name: 'Match of rule Employees 200–5000' })).toHaveValue('empty');
    expect(screen.queryByRole('textbox', { name: 'Values of rule Employees 200–5000' })).toBeNull();

    // Base points above 50 are kept; a single rule's are clamped to 50.
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Points of rule Base points' }), {
      target: { value: '85' },
    });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Points of rule Employees unknown' }), {
      target: { value: '85' },
    });
    expect(draftRule('base').points).toBe(85);
    expect(draftRule('no-emp').points).toBe(50);
  });
});

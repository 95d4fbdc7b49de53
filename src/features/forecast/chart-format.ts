/** Axis and tooltip text for money charts whose values are in currency units. */
import { formatMoney } from '../../lib/format';

export const axisMoney = (currency: string) => (units: number) => formatMoney(units * 100, currency, true);

export const tooltipMoney = (currency: string) => (value: unknown) =>
  typeof value === 'number' ? formatMoney(Math.round(value * 100), currency) : String(value ?? '');

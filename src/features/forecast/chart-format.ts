/** Axis, legend and tooltip text for money charts whose values are in currency units. */
import { createElement } from 'react';
import { formatMoney } from '../../lib/format';

export const axisMoney = (currency: string) => (units: number) => formatMoney(units * 100, currency, true);

export const tooltipMoney = (currency: string) => (value: unknown) =>
  typeof value === 'number' ? formatMoney(Math.round(value * 100), currency) : String(value ?? '');

/** Legend entries in the ink colour: series colours are too pale to read as text. */
export const legendText = (value: unknown) => createElement('span', { className: 'fc-legend' }, String(value));

/**
 * A bar that drills from the keyboard as well as the mouse: a tab stop named for its figures and
 * what activating it does, activated by Enter or Space.
 */
import type { KeyboardEvent } from 'react';
import { Rectangle, type BarShapeProps } from 'recharts';

/** True for the keys that activate a button: Enter and Space. */
export function isActivationKey(key: string): boolean {
  return key === 'Enter' || key === ' ' || key === 'Spacebar';
}

/**
 * A recharts `shape` for a drillable bar. `describe` names the bar from its datum (its figures);
 * `action` says what activating it does ("show the leads behind it"); `drill` runs on Enter or Space
 * (the click itself stays on the Bar's `onClick`, as before).
 */
export function drillBarShape<T>(describe: (datum: T) => string, action: string, drill: (datum: T) => void) {
  return function renderDrillBar(props: BarShapeProps) {
    const datum = props.payload as T;
    const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
      if (!isActivationKey(e.key)) return;
      e.preventDefault();
      e.stopPropagation();
      drill(datum);
    };
    return (
      <g
        role="button"
        tabIndex={0}
        aria-label={`${describe(datum)} — ${action}`}
        className="chart-drill"
        onKeyDown={onKeyDown}
      >
        <Rectangle {...props} />
      </g>
    );
  };
}

/**
 * Whether a slider is being dragged (pressed and not yet released). Costly parts of a view (charts)
 * read it to refresh less often while a drag streams values, and at once on release; the URL takes
 * the dragged value on release (each history write costs the main thread milliseconds).
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { holdLiveWrites } from './url';

let dragging = false;
const listeners = new Set<() => void>();

function set(next: boolean): void {
  if (next === dragging) return;
  dragging = next;
  for (const l of listeners) l();
}

// A context menu swallows the pointerup on some platforms: it ends a drag too.
const END_EVENTS = ['pointerup', 'pointercancel', 'contextmenu'] as const;

function released(): void {
  for (const e of END_EVENTS) window.removeEventListener(e, released, true);
  window.removeEventListener('blur', released);
  holdLiveWrites(false);
  set(false);
}

/**
 * A slider was pressed: a drag lasts until the pointer is released anywhere (or the window loses
 * focus). Only the primary button of the primary pointer starts one.
 */
export function sliderPressed(e?: { readonly isPrimary?: boolean; readonly button?: number }): void {
  if (e && (e.isPrimary === false || (e.button ?? 0) !== 0)) return;
  for (const e of END_EVENTS) window.addEventListener(e, released, true);
  // Not capturing: only the window's own blur, not an element's.
  window.addEventListener('blur', released);
  holdLiveWrites(true);
  set(true);
}

export function isSliderDragging(): boolean {
  return dragging;
}

export function useSliderDragging(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => dragging,
    () => false,
  );
}

/**
 * `value` itself, except while a slider is dragged: then the value shown changes at most every `ms`
 * (the newest one each time), and becomes `value` again on release.
 */
export function useThrottledWhileDragging<T>(value: T, ms: number): T {
  const active = useSliderDragging();
  const [held, setHeld] = useState({ value, active });
  // A drag starts from the value on screen (state adjusted while rendering, not in an effect).
  if (held.active !== active) setHeld({ value, active });
  const shownAt = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    if (!active || Object.is(value, held.value)) return;
    const timer = setTimeout(
      () => {
        shownAt.current = performance.now();
        setHeld({ value, active: true });
      },
      Math.max(0, shownAt.current + ms - performance.now()),
    );
    return () => clearTimeout(timer);
  }, [value, active, ms, held.value]);
  return active ? held.value : value;
}

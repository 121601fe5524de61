// Moving the focus for the user (to a new panel's heading, a notice, a warning) without ever taking
// it back from a field they have already reached: in a meeting the facilitator types on while the
// page catches up, so a focus move that lands late must not pull them out of the field they are in.
import { useLayoutEffect } from 'preact/hooks';
import type { RefObject } from 'preact';

/** Whether the user has put the focus somewhere of their own since `before` was focused. */
function movedSince(before: Element | null): boolean {
  const now = document.activeElement;
  return now !== before && now !== null && now !== document.body && now.isConnected;
}

/**
 * Focuses the element `id` (or `fallback`) once the next frame has drawn it, unless the user
 * has moved the focus meanwhile.
 */
export function focusSoon(id: string, fallback?: string): void {
  const before = document.activeElement;
  requestAnimationFrame(() => {
    if (movedSince(before)) return;
    (document.getElementById(id) ?? (fallback ? document.getElementById(fallback) : null))?.focus();
  });
}

/** Like `focusSoon`, for an element held by a ref. */
export function focusRefSoon(ref: RefObject<HTMLElement>): void {
  const before = document.activeElement;
  requestAnimationFrame(() => {
    if (!movedSince(before)) ref.current?.focus();
  });
}

/**
 * Focuses `ref` as it is put on the page (and again whenever `deps` change), in the same task
 * as the page changes, so no key the user presses can fall between the two.
 */
export function useFocusOnShow(ref: RefObject<HTMLElement>, deps: unknown[] = []): void {
  useLayoutEffect(() => ref.current?.focus(), deps);
}

/**
 * Follows a pointer drag that starts on `handle`: `onMove` gets how far the pointer has moved
 * along `axis` since the press, in CSS px. The pointer is captured, so the drag continues over
 * iframes and outside the window.
 */
export function trackDrag(handle: HTMLElement, axis: 'x' | 'y', onStart: () => void, onMove: (delta: number) => void): void {
  handle.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    const start = axis === 'x' ? event.clientX : event.clientY;
    onStart();
    handle.classList.add('is-dragging');
    const move = (moveEvent: PointerEvent): void => onMove((axis === 'x' ? moveEvent.clientX : moveEvent.clientY) - start);
    const end = (): void => {
      handle.classList.remove('is-dragging');
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  });
}

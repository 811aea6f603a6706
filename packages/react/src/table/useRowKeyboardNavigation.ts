import { type KeyboardEvent, type RefObject, useEffect, useRef, useState } from 'react';

export interface RowKeyboardNavigationOptions {
  /** How many rows there are (loaded). */
  rowCount: number;
  /** How far Page Up and Page Down move. */
  rowsPerPage: number;
  /** The element the rows are rendered in; rows carry `data-index`. */
  containerRef: RefObject<HTMLElement | null>;
  /** Brings a row into the rendered window (a virtualised list renders only what is in view). */
  scrollToIndex(index: number): void;
  /** Called with the row's index when Enter is pressed on it; Enter does nothing without it. */
  onOpen?: (index: number) => void;
}

export interface RowKeyboardNavigation {
  /** The row that takes focus when the table is tabbed into (roving tabindex). */
  activeIndex: number;
  /** What a row needs: its tab stop, and the handlers that move between rows. */
  rowProps(index: number): {
    tabIndex: 0 | -1;
    onFocus(): void;
    onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  };
}

/**
 * Keyboard navigation between the rows of a (virtualised) list with a roving tab stop: arrow
 * keys, Home, End, Page Up and Page Down move; Enter opens. A moved-to row that is not rendered
 * yet is scrolled into the window first and focused once it is.
 */
export function useRowKeyboardNavigation({
  rowCount,
  rowsPerPage,
  containerRef,
  scrollToIndex,
  onOpen,
}: RowKeyboardNavigationOptions): RowKeyboardNavigation {
  const [wantedIndex, setWantedIndex] = useState(0);
  const focusPending = useRef(false);
  const activeIndex = Math.min(wantedIndex, Math.max(rowCount - 1, 0));

  // After a key moved the active row (and scrolled it into the window), focus it once rendered.
  useEffect(() => {
    if (!focusPending.current) return;
    const row = containerRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, rowCount - 1));
    setWantedIndex(next);
    focusPending.current = true;
    scrollToIndex(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + rowsPerPage,
      PageUp: index - rowsPerPage,
      Home: 0,
      End: rowCount - 1,
    };
    if (Object.hasOwn(moves, event.key)) {
      event.preventDefault();
      moveTo(moves[event.key]!);
    } else if (event.key === 'Enter' && onOpen) {
      event.preventDefault();
      onOpen(index);
    }
  };

  return {
    activeIndex,
    rowProps: (index) => ({
      tabIndex: index === activeIndex ? 0 : -1,
      onFocus: () => setWantedIndex(index),
      onKeyDown: (event) => onKeyDown(event, index),
    }),
  };
}

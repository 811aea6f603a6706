// The record page's section navigation: which section is being read, and a jump to another
// that lands below the sticky header and moves keyboard focus there.
import { type MouseEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/** How far below the header's bottom edge a section's top may sit and still count as being read. */
const READING_LINE_PX = 40;

export interface SectionNavigation {
  /** The header that stays visible; its height keeps jumped-to sections clear of it. */
  headerRef: RefObject<HTMLElement | null>;
  /** The header's height while it is sticky, 0 otherwise (set as a CSS variable on the page). */
  headerHeight: number;
  /** The id of the section being read. */
  current: string | undefined;
  /** A link's click handler: scrolls to the section, focuses its heading, marks it current. */
  jumpTo(event: MouseEvent<HTMLAnchorElement>, sectionId: string): void;
}

function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * Tracks the section being read (the last one whose top has passed under the header) and jumps
 * to sections by their element ids, given in page order.
 */
export function useSectionNavigation(sectionIds: readonly string[]): SectionNavigation {
  const headerRef = useRef<HTMLElement | null>(null);
  const [current, setCurrent] = useState<string | undefined>(undefined);
  const [headerHeight, setHeaderHeight] = useState(0);
  // After a jump the chosen section stays current until the reader scrolls on their own: a
  // section near the page's end may never reach the header.
  const pinned = useRef(false);
  const idsKey = sectionIds.join(' ');

  useEffect(() => {
    const header = headerRef.current;
    const ids = idsKey === '' ? [] : idsKey.split(' ');
    if (!header || ids.length === 0) return;
    const measure = () => {
      const sticky = globalThis.getComputedStyle?.(header).position === 'sticky';
      setHeaderHeight(sticky ? header.offsetHeight : 0);
    };
    const follow = () => {
      // Without layout (a hidden tab, a server render, jsdom) every section sits at 0: nothing to follow.
      if (pinned.current || header.offsetHeight === 0) return;
      const readingLine = Math.max(header.getBoundingClientRect().bottom, 0) + READING_LINE_PX;
      let reading = ids[0];
      for (const id of ids) {
        const section = document.getElementById(id);
        if (section && section.getBoundingClientRect().top <= readingLine) reading = id;
      }
      setCurrent(reading);
    };
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(follow);
    };
    const release = () => {
      pinned.current = false;
    };
    const resizes = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    resizes?.observe(header);
    measure();
    follow();
    // Capture: the page may scroll inside any container of the host's, not only the window.
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    for (const gesture of ['wheel', 'touchmove', 'keydown'] as const) {
      document.addEventListener(gesture, release, { capture: true, passive: true });
    }
    return () => {
      cancelAnimationFrame(frame);
      resizes?.disconnect();
      document.removeEventListener('scroll', onScroll, { capture: true });
      for (const gesture of ['wheel', 'touchmove', 'keydown'] as const) {
        document.removeEventListener(gesture, release, { capture: true });
      }
    };
  }, [idsKey]);

  const jumpTo = useCallback((event: MouseEvent<HTMLAnchorElement>, sectionId: string) => {
    const section = document.getElementById(sectionId);
    if (!section) return;
    // The host's router may own the URL's fragment: move without touching it.
    event.preventDefault();
    pinned.current = true;
    setCurrent(sectionId);
    section.scrollIntoView?.({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    const heading = section.querySelector<HTMLElement>('h2, h3, h4') ?? section;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }, []);

  // Until the reader moves (and where nothing can be followed), the first section is current.
  const shown = current !== undefined && sectionIds.includes(current) ? current : sectionIds[0];
  return { headerRef, headerHeight, current: shown, jumpTo };
}

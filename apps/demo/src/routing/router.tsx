// A small History-API router: the demo has a handful of pages, and a vendor's app brings its own.
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

const NAVIGATED = 'masetra-demo:navigated';

export interface Location {
  pathname: string;
  search: URLSearchParams;
}

let navigated = false;

/** Whether the user has moved between pages since the app loaded (pages then take focus). */
export function hasNavigated(): boolean {
  return navigated;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  navigated = true;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATED));
}

window.addEventListener('popstate', () => {
  navigated = true;
});

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

const href = () => window.location.pathname + window.location.search;

export function useLocation(): Location {
  const current = useSyncExternalStore(subscribe, href, href);
  const url = new URL(current, 'http://demo.invalid');
  return { pathname: url.pathname, search: url.searchParams };
}

/** `/deviations/:id` against `/deviations/0197…`: the named segments, or `undefined` when it does not match. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = pathname.split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return undefined;
  }
  return params;
}

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  to: string;
}

/** An ordinary link that navigates without a reload; modified clicks open new tabs as usual. */
export function Link({ to, onClick, ...props }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handleClick} {...props} />;
}

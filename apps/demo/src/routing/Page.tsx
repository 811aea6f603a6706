// One page of the demo: its heading (which takes focus after navigation, so screen readers
// announce where they are), the document title, and the page's actions.
import { type ReactNode, useEffect, useRef } from 'react';
import { hasNavigated } from './router';

export interface PageProps {
  title: string;
  /** Shown above the heading, e.g. the record type of a record page. */
  eyebrow?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}

export function Page({ title, eyebrow, actions, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Masetra QMS demo`;
  }, [title]);
  useEffect(() => {
    // Only after a navigation inside the app, not on the first load: that starts at the top.
    if (hasNavigated()) heading.current?.focus();
  }, []);
  return (
    <div className="demo-page">
      <div className="demo-page__header">
        <div>
          {eyebrow ? <p className="demo-page__eyebrow">{eyebrow}</p> : null}
          <h1 ref={heading} tabIndex={-1} className="demo-page__title">
            {title}
          </h1>
        </div>
        {actions ? <div className="demo-page__actions">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}

// One page of the demo: its heading (which takes focus after navigation, so screen readers
// announce where they are), the document title, and the page's actions.
import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

export interface PageProps {
  title: string;
  /** Shown above the heading, e.g. the record type of a record page. */
  eyebrow?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}

export function Page({ title, eyebrow, actions, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The first entry of the tab has the key `default`: a page loaded from the address bar starts at the top.
  const arrived = useLocation().key !== 'default';
  useEffect(() => {
    document.title = `${title} · Masetra QMS demo`;
  }, [title]);
  useEffect(() => {
    // After a navigation inside the app (links, back and forward), focus moves to the new page's heading.
    if (arrived) heading.current?.focus();
  }, [arrived]);
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

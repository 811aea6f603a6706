import type { CSSProperties, ReactNode } from 'react';

// Inline, not a class: it must hide in unstyled mode too, where no stylesheet is loaded.
const hidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/** Text for screen readers only. */
export function VisuallyHidden({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <span id={id} style={hidden}>
      {children}
    </span>
  );
}

// A file picker that also takes a file dropped on it: the native input stays the control, so
// keyboard and screen-reader users choose a file as they always do.
import { type DragEvent, type ReactNode, useId, useState } from 'react';
import { cx } from '../internal/classNames';

export interface FileDropZoneProps {
  /** The input's label, e.g. "Upload the content file". */
  label: string;
  /** What the drop area says beside the input, e.g. "or drop a file here". */
  dropHint: string;
  /** Unavailable; `explanation` says why and is the input's description. */
  disabled?: boolean;
  /** Why it is unavailable, or what the file must be; read with the input. */
  explanation?: ReactNode;
  /** File types the picker offers first (`accept`); the server judges the bytes. */
  accept?: string;
  onFile: (file: File) => void;
  /** Class names of the zone and its parts (already resolved by the caller's slots). */
  classNames: { root?: string; label?: string; input?: string; hint?: string };
}

export function FileDropZone({
  label,
  dropHint,
  disabled = false,
  explanation,
  accept,
  onFile,
  classNames,
}: FileDropZoneProps) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const over = (event: DragEvent) => {
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop target is a convenience; the input inside is the control
    <div
      className={classNames.root}
      data-dragging={dragging || undefined}
      data-disabled={disabled || undefined}
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        if (disabled) return;
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      <label className={classNames.label} htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        type="file"
        className={classNames.input}
        accept={accept}
        disabled={disabled}
        aria-describedby={explanation ? `${id}-hint` : undefined}
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared at once, so choosing the same file again (after a failed upload) fires again.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      {!disabled && (
        <span className={cx(classNames.hint)} aria-hidden="true">
          {dropHint}
        </span>
      )}
      {explanation && (
        <p id={`${id}-hint`} className={classNames.hint}>
          {explanation}
        </p>
      )}
    </div>
  );
}

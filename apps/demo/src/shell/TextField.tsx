import type { InputHTMLAttributes, ReactNode } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

/** A labelled input of the demo's forms, with an optional hint; `onValue` gets the text as typed. */
export function TextField({
  id,
  label,
  hint,
  value,
  onValue,
  ...input
}: InputProps & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onValue(value: string): void;
}) {
  return (
    <div className="demo-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onValue(event.target.value)}
        {...input}
      />
      {hint ? (
        <p id={`${id}-hint`} className="demo-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

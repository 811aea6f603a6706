// What a form says after it was sent: a refusal as an alert, a success as a polite status.

/** The outcome of a form's last submission, or nothing yet. */
export type FormStatus = { kind: 'error' | 'info'; text: string } | undefined;

export function StatusLine({ status }: { status: FormStatus }) {
  if (!status) return null;
  return (
    <p
      role={status.kind === 'error' ? 'alert' : 'status'}
      className={status.kind === 'error' ? 'demo-error' : 'demo-hint'}
    >
      {status.text}
    </p>
  );
}

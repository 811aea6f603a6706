import { isProblemError } from '@masetra/client';
import { OTP_PATTERN, type SignatureInput, type SignatureMeaning } from '@masetra/core';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { type ClassNames, useSlots } from '../internal/classNames';
import { DialogActions } from '../internal/DialogActions';
import { DialogFrame, type DialogSlot } from '../internal/DialogFrame';
import { describeError } from '../internal/problems';
import type { SignerReauthentication } from '../provider/QmsContext';
import { useQms } from '../provider/useQms';

export type SignatureDialogSlot = DialogSlot | 'manifestation' | 'form' | 'error';

export interface SignatureDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** What is signed, as a person reads it: number and title. */
  recordLabel: string;
  /** The step the signature completes, e.g. "Approve". */
  eventLabel: string;
  /** What the signer declares by signing (21 CFR 11.50(a)(3)). */
  meaning: SignatureMeaning;
  /** The printed name of the manifestation; the signed-in principal's name by default. */
  printedName?: string;
  /** Also ask for a written reason (a move both signed and reasoned). */
  needsReason?: boolean;
  /**
   * Signs. Resolve when the server accepted the signature; reject with the client's
   * `ProblemError` and the dialog shows why and stays open.
   */
  onSign(input: { signature: SignatureInput; reason?: string }): Promise<unknown>;
  /**
   * How the signer re-authenticates at their identity provider (single sign-on); the
   * principal's `reauthentication` by default. With one, the dialog asks for no password: a
   * "Re-authenticate with …" button gets the single-use proof it signs with.
   */
  reauthentication?: SignerReauthentication;
  className?: string;
  classNames?: ClassNames<SignatureDialogSlot>;
}

/**
 * The electronic-signature dialog (21 CFR 11.50, 11.200): shows the manifestation the signer
 * is about to sign (printed name, meaning, time) and re-authenticates them: the user name
 * on a session's first signing, the password, and a one-time code when enrolled. A refused
 * signature shows the server's reason and keeps the dialog open.
 *
 * @example
 * <SignatureDialog open={open} onOpenChange={setOpen} recordLabel="DEV-2026-0105" eventLabel="Approve"
 *   meaning="approval" onSign={({ signature }) => transition.mutateAsync({ id, version, event: 'APPROVE', signature })} />
 */
export function SignatureDialog({
  open,
  onOpenChange,
  recordLabel,
  eventLabel,
  meaning,
  printedName,
  needsReason = false,
  onSign,
  reauthentication: reauthenticationProp,
  className,
  classNames,
}: SignatureDialogProps) {
  const { t, format, principal, signing } = useQms();
  const slots = useSlots<SignatureDialogSlot>('signature-dialog', className, classNames);
  const id = useId();
  const [openedAt, setOpenedAt] = useState<string | undefined>(undefined);
  const [username, setUsername] = useState(principal?.email ?? '');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [reason, setReason] = useState('');
  const [askUsername, setAskUsername] = useState(signing.firstOfSession);
  const [askOtp, setAskOtp] = useState(principal?.mfaEnrolled === true);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const passwordInput = useRef<HTMLInputElement>(null);
  const reauthButton = useRef<HTMLButtonElement>(null);
  const sso = reauthenticationProp ?? principal?.reauthentication;
  /** The single-use proof of a fresh login at the identity provider (single sign-on only). */
  const [proof, setProof] = useState<string | undefined>(undefined);
  const [reauthPending, setReauthPending] = useState(false);
  const reauthAttempt = useRef(0);
  /** Bumped to move focus back to the re-authentication button once it is enabled again. */
  const [refocusReauth, setRefocusReauth] = useState(0);
  useEffect(() => {
    if (refocusReauth > 0) reauthButton.current?.focus();
  }, [refocusReauth]);

  // Each opening is a new signing: the time shown is when the dialog opened, the fields start empty.
  useEffect(() => {
    if (!open) return;
    setOpenedAt(new Date().toISOString());
    setPassword('');
    setOtp('');
    setReason('');
    setFailure(undefined);
    setFieldErrors({});
    setProof(undefined);
    setReauthPending(false);
    reauthAttempt.current += 1;
    setAskUsername(signing.firstOfSession);
    setAskOtp(principal?.mfaEnrolled === true);
    setUsername(principal?.email ?? '');
  }, [open, signing.firstOfSession, principal]);

  const name = printedName ?? principal?.displayName ?? '';
  const meaningLabel = t(`meaning.${meaning}`);

  const provider = sso?.providerName ?? '';
  const describeFailure = (error: unknown, fallback: string) => {
    const code = isProblemError(error) ? error.code : undefined;
    const known = code ? t.optional(`signature.error.${code}`) : undefined;
    return known ?? (isProblemError(error) && error.status === 401 ? fallback : describeError(t, error));
  };

  const reauthenticate = async () => {
    if (!sso) return;
    // Selecting it again starts over (the signer closed the provider's window): only the newest counts.
    const attempt = ++reauthAttempt.current;
    setReauthPending(true);
    setProof(undefined);
    setFailure(undefined);
    setFieldErrors({});
    try {
      // Called straight from the click, so the host's pop-up opens.
      const fresh = await sso.reauthenticate();
      if (attempt === reauthAttempt.current) setProof(fresh);
    } catch (error) {
      if (attempt !== reauthAttempt.current) return;
      setProof(undefined);
      setFailure(
        isProblemError(error)
          ? describeFailure(error, t('signature.sso.failed', { provider }))
          : t('signature.sso.failed', { provider }),
      );
    } finally {
      if (attempt === reauthAttempt.current) setReauthPending(false);
    }
  };

  const submitSso = async () => {
    const errors: Record<string, string> = {};
    if (!proof) errors.reauthentication = t('signature.sso.required', { provider });
    if (needsReason && !reason.trim()) errors.reason = t('reason.required');
    setFieldErrors(errors);
    if (!proof || Object.keys(errors).length > 0) {
      if (!proof) reauthButton.current?.focus();
      return;
    }
    setPending(true);
    setFailure(undefined);
    try {
      await onSign({
        signature: { meaning, password: proof },
        reason: needsReason ? reason.trim() : undefined,
      });
      setProof(undefined);
      onOpenChange(false);
    } catch (error) {
      // A proof is good once, whatever the answer: the signer re-authenticates again.
      setProof(undefined);
      setFailure(describeFailure(error, t('signature.error.other')));
      setRefocusReauth((count) => count + 1);
    } finally {
      setPending(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sso) return submitSso();
    const errors: Record<string, string> = {};
    if (askUsername && !username.trim()) errors.username = t('signature.usernameRequired');
    if (!password) errors.password = t('signature.passwordRequired');
    if (askOtp && !OTP_PATTERN.test(otp)) errors.otp = t('signature.otpInvalid');
    if (needsReason && !reason.trim()) errors.reason = t('reason.required');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;

    const signature: SignatureInput = {
      meaning,
      password,
      ...(askUsername ? { username: username.trim() } : {}),
      ...(askOtp ? { otp } : {}),
    };
    setPending(true);
    setFailure(undefined);
    try {
      await onSign({ signature, reason: needsReason ? reason.trim() : undefined });
      setPassword('');
      onOpenChange(false);
    } catch (error) {
      const code = isProblemError(error) ? error.code : undefined;
      if (code === 'username_required') setAskUsername(true);
      if (code === 'otp_required' || code === 'invalid_otp') setAskOtp(true);
      const known = code ? t.optional(`signature.error.${code}`) : undefined;
      setFailure(
        known ??
          (isProblemError(error) && error.status === 401
            ? t('signature.error.other')
            : describeError(t, error)),
      );
      // A refused password is not kept: the signer types it again.
      setPassword('');
      passwordInput.current?.focus();
    } finally {
      setPending(false);
    }
  };

  const field = (key: string, label: string, input: ReactNode, hint?: string) => (
    <div className={slots.ui('field')}>
      <label className={slots.ui('label')} htmlFor={`${id}-${key}`}>
        {label}
      </label>
      {input}
      {hint && (
        <p id={`${id}-${key}-hint`} className={slots.ui('hint')}>
          {hint}
        </p>
      )}
      {fieldErrors[key] && (
        <p id={`${id}-${key}-error`} className={slots.ui('error')}>
          {fieldErrors[key]}
        </p>
      )}
    </div>
  );
  const describedBy = (key: string, hint: boolean) =>
    [hint && `${id}-${key}-hint`, fieldErrors[key] && `${id}-${key}-error`].filter(Boolean).join(' ') ||
    undefined;

  return (
    <DialogFrame
      open={open}
      onOpenChange={(next) => !pending && onOpenChange(next)}
      title={t('signature.title', { event: eventLabel })}
      description={t('signature.description')}
      className={slots('root')}
      classNames={{ ...classNames, root: undefined }}
      onOpenAutoFocus={(event) => {
        if (sso) {
          event.preventDefault();
          reauthButton.current?.focus();
          return;
        }
        // The user name is usually pre-filled: start where the signer types.
        if (!askUsername || username) {
          event.preventDefault();
          passwordInput.current?.focus();
        }
      }}
    >
      <section className={slots('manifestation')} aria-labelledby={`${id}-manifestation`}>
        <h3 id={`${id}-manifestation`} className={slots.ui('heading')}>
          {t('signature.manifestationHeading')}
        </h3>
        <dl>
          <dt>{t('signature.record')}</dt>
          <dd>{recordLabel}</dd>
          <dt>{t('signature.printedName')}</dt>
          <dd>{name}</dd>
          <dt>{t('signature.meaning')}</dt>
          <dd>{meaningLabel}</dd>
          <dt>{t('signature.time')}</dt>
          <dd>
            {openedAt && <time dateTime={openedAt}>{format.dateTime(openedAt)}</time>}
            <span className={slots.ui('hint')}> {t('signature.timeNote')}</span>
          </dd>
        </dl>
        <p className={slots.ui('hint')}>
          {openedAt &&
            t('signature.manifestation', {
              meaning: t(`meaning.${meaning}.verb`),
              name,
              time: format.dateTime(openedAt),
            })}
        </p>
      </section>
      <form className={slots('form')} onSubmit={submit} noValidate aria-label={t('signature.credentials')}>
        {needsReason &&
          field(
            'reason',
            t('reason.label'),
            <textarea
              id={`${id}-reason`}
              className={slots.ui('textarea')}
              value={reason}
              required
              aria-invalid={fieldErrors.reason ? true : undefined}
              aria-describedby={describedBy('reason', false)}
              onChange={(event) => setReason(event.target.value)}
            />,
          )}
        {sso && (
          <div className={slots.ui('field')}>
            <p id={`${id}-sso-intro`} className={slots.ui('hint')}>
              {t('signature.sso.intro', { provider })}
            </p>
            <div>
              <button
                ref={reauthButton}
                type="button"
                className={slots.ui('button')}
                data-variant={proof ? undefined : 'primary'}
                disabled={pending}
                aria-describedby={
                  [`${id}-sso-intro`, fieldErrors.reauthentication && `${id}-reauthentication-error`]
                    .filter(Boolean)
                    .join(' ') || undefined
                }
                onClick={reauthenticate}
              >
                {t('signature.sso.reauthenticate', { provider })}
              </button>
            </div>
            <p role="status" className={slots.ui('hint')}>
              {reauthPending
                ? t('signature.sso.pending', { provider })
                : proof
                  ? t('signature.sso.done', { provider })
                  : ''}
            </p>
            {fieldErrors.reauthentication && (
              <p id={`${id}-reauthentication-error`} className={slots.ui('error')}>
                {fieldErrors.reauthentication}
              </p>
            )}
          </div>
        )}
        {!sso &&
          askUsername &&
          field(
            'username',
            t('signature.username'),
            <input
              id={`${id}-username`}
              className={slots.ui('input')}
              type="email"
              autoComplete="username"
              value={username}
              required
              aria-invalid={fieldErrors.username ? true : undefined}
              aria-describedby={describedBy('username', true)}
              onChange={(event) => setUsername(event.target.value)}
            />,
            t('signature.usernameHint'),
          )}
        {!sso &&
          field(
            'password',
            t('signature.password'),
            <input
              ref={passwordInput}
              id={`${id}-password`}
              className={slots.ui('input')}
              type="password"
              autoComplete="current-password"
              value={password}
              required
              aria-invalid={fieldErrors.password || failure ? true : undefined}
              aria-describedby={describedBy('password', false)}
              onChange={(event) => setPassword(event.target.value)}
            />,
          )}
        {!sso &&
          askOtp &&
          field(
            'otp',
            t('signature.otp'),
            <input
              id={`${id}-otp`}
              className={slots.ui('input')}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern={OTP_PATTERN.source}
              maxLength={8}
              value={otp}
              required
              aria-invalid={fieldErrors.otp ? true : undefined}
              aria-describedby={describedBy('otp', true)}
              onChange={(event) => setOtp(event.target.value.replace(/\s/g, ''))}
            />,
            t('signature.otpHint'),
          )}
        <DialogActions
          slots={slots}
          failure={failure}
          pending={pending}
          submitLabel={pending ? t('signature.submitting') : t('signature.submit')}
          onCancel={() => onOpenChange(false)}
        />
      </form>
    </DialogFrame>
  );
}

// Where the identity provider sends the browser back (the redirect URI, /sso/callback). In the
// signature dialog's pop-up it hands the answer to the dialog's window and closes; otherwise it
// finishes the sign-in: the server checks everything and answers tokens, which never touch a URL.
import { isNetworkError, isProblemError } from '@masetra/client';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { session } from '../session/api';
import { CALLBACK_ACK, CALLBACK_MESSAGE, POPUP_FLAG, SSO_CHANNEL, ssoApi } from './ssoApi';

/** How long the pop-up waits for the signature dialog's window to take the answer. */
const RECEIPT_WAIT_MS = 3000;

function isReauthenticationPopup(): boolean {
  try {
    return sessionStorage.getItem(POPUP_FLAG) !== null;
  } catch {
    return false;
  }
}

/** Hands the answer to the window waiting for it (the one whose round trip has this `state`); true when it took it. */
function handToWaitingWindow(callbackQuery: string): Promise<boolean> {
  const state = new URLSearchParams(callbackQuery).get('state');
  if (!state) return Promise.resolve(false);
  const channel = new BroadcastChannel(SSO_CHANNEL);
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => {
      channel.close();
      resolve(false);
    }, RECEIPT_WAIT_MS);
    channel.onmessage = (event: MessageEvent) => {
      const data = event.data as { type?: string; state?: string } | undefined;
      if (data?.type !== CALLBACK_ACK || data.state !== state) return;
      window.clearTimeout(timer);
      channel.close();
      resolve(true);
    };
    channel.postMessage({ type: CALLBACK_MESSAGE, callbackQuery });
  });
}

export function SsoCallbackPage() {
  const navigate = useNavigate();
  const [state, setState] = useState<
    { kind: 'working' } | { kind: 'handed-on' } | { kind: 'failed'; message: string }
  >({
    kind: 'working',
  });
  const started = useRef(false);

  useEffect(() => {
    // The answer is good once: React's development double effect must not send it twice.
    if (started.current) return;
    started.current = true;
    document.title = 'Signing in · Masetra QMS demo';
    const callbackQuery = window.location.search;
    // The address bar and history keep no code.
    window.history.replaceState(null, '', window.location.pathname);
    void (async () => {
      if (isReauthenticationPopup()) {
        if (await handToWaitingWindow(callbackQuery)) {
          setState({ kind: 'handed-on' });
          window.close();
        } else {
          setState({
            kind: 'failed',
            message:
              'No signature is waiting for this re-authentication any more. Close this window and try again.',
          });
        }
        return;
      }
      try {
        session.adopt(await ssoApi.complete(callbackQuery));
        navigate('/', { replace: true });
      } catch (failure) {
        setState({
          kind: 'failed',
          message: isNetworkError(failure)
            ? 'The server could not be reached. Try again.'
            : isProblemError(failure)
              ? (failure.detail ?? failure.title)
              : 'Single sign-on failed unexpectedly. Try again.',
        });
      }
    })();
  }, [navigate]);

  return (
    <div className="demo-sign-in">
      <main id="main" className="demo-sign-in__panel">
        <p className="demo-brand" aria-hidden="true">
          Masetra QMS
        </p>
        <h1 className="demo-page__title">Single sign-on</h1>
        {state.kind === 'failed' ? (
          <div className="demo-form">
            <p role="alert" className="demo-error">
              {state.message}
            </p>
            <Link to="/" className="masetra-button">
              Back to sign-in
            </Link>
          </div>
        ) : (
          <p role="status">
            {state.kind === 'handed-on'
              ? 'Re-authenticated. You can close this window.'
              : 'Completing sign-in with your identity provider…'}
          </p>
        )}
      </main>
    </div>
  );
}

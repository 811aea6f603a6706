// Re-authentication for a signature in a pop-up: the provider asks for the credentials again
// (prompt=login, max_age=0) and sends the pop-up back to /sso/callback, which hands the answer
// to this window (matched by its `state`); the server turns it into a single-use proof the
// signature dialog signs with.
import type { SignerReauthentication } from '@masetra/react';
import { CALLBACK_ACK, CALLBACK_MESSAGE, POPUP_FLAG, SSO_CHANNEL, ssoApi } from './ssoApi';

const POPUP_NAME = 'masetra-sso-reauthentication';
/** A round trip the person does not finish is given up after the server's own state lifetime. */
const GIVE_UP_MS = 10 * 60_000;

/** The attempt still waiting, given up when the signer starts another (they closed the pop-up). */
let waiting: ((reason: Error) => void) | undefined;

export function ssoReauthentication(providerName: string): SignerReauthentication {
  return {
    providerName,
    reauthenticate: () =>
      new Promise<string>((resolve, reject) => {
        waiting?.(new Error('A newer re-authentication was started.'));
        // Opened now, inside the click, so no pop-up blocker stops it; its address follows.
        const popup = window.open('about:blank', POPUP_NAME, 'popup,width=520,height=700');
        if (!popup) {
          reject(new Error('The pop-up was blocked: allow pop-ups for this site and try again.'));
          return;
        }
        try {
          popup.sessionStorage.setItem(POPUP_FLAG, '1');
        } catch {
          // Without storage the callback page cannot tell it is the pop-up; the server still refuses a mix-up.
        }
        const channel = new BroadcastChannel(SSO_CHANNEL);
        let expectedState: string | null = null;
        const finish = () => {
          window.clearTimeout(timer);
          channel.close();
          if (waiting === giveUp) waiting = undefined;
        };
        const giveUp = (reason: Error) => {
          finish();
          reject(reason);
        };
        waiting = giveUp;
        const timer = window.setTimeout(
          () => giveUp(new Error('The re-authentication did not complete in time.')),
          GIVE_UP_MS,
        );
        channel.onmessage = (event: MessageEvent) => {
          const data = event.data as { type?: string; callbackQuery?: string } | undefined;
          if (data?.type !== CALLBACK_MESSAGE || typeof data.callbackQuery !== 'string' || !expectedState)
            return;
          if (new URLSearchParams(data.callbackQuery).get('state') !== expectedState) return;
          channel.postMessage({ type: CALLBACK_ACK, state: expectedState });
          finish();
          ssoApi.completeReauthentication(data.callbackQuery).then(({ proof }) => resolve(proof), reject);
        };
        ssoApi.reauthenticate().then(
          ({ authorizationUrl }) => {
            expectedState = new URL(authorizationUrl).searchParams.get('state');
            popup.location.href = authorizationUrl;
          },
          (error: unknown) => {
            popup.close();
            giveUp(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }),
  };
}

// Whether the signed-in user signs by re-authenticating at an identity provider (single sign-on),
// as the server says; the signature dialog then offers "Re-authenticate with …" in place of a password.
import type { SessionUser } from '@masetra/core/auth';
import type { SignerReauthentication } from '@masetra/react';
import { useEffect, useState } from 'react';
import { ssoApi } from './ssoApi';
import { ssoReauthentication } from './ssoReauthentication';

export function useSsoSigning(user: SessionUser | undefined): SignerReauthentication | undefined {
  const [reauthentication, setReauthentication] = useState<SignerReauthentication | undefined>(undefined);
  const userId = user?.id;
  useEffect(() => {
    setReauthentication(undefined);
    if (!userId) return;
    let current = true;
    ssoApi.signing().then(
      ({ provider }) => {
        if (current && provider) setReauthentication(ssoReauthentication(provider.displayName));
      },
      // Without an answer the dialog asks for the password, which an SSO-only account cannot give:
      // the server refuses it, and nothing is signed.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [userId]);
  return reauthentication;
}

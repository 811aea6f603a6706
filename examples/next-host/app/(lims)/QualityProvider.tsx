'use client';
// Masetra's screens need their provider on the client: the API client on the LIMS's origin (its
// session cookie is the credential) and the principal the server component read from the session.
import { createClient } from '@masetra/client';
import { type QmsPrincipal, QmsProvider } from '@masetra/react';
import type { ReactNode } from 'react';

const qms = createClient({ baseUrl: '/qms', source: 'northwind-lims' });

export function QualityProvider({
  principal,
  people,
  children,
}: {
  principal: QmsPrincipal;
  people: Record<string, string>;
  children: ReactNode;
}) {
  return (
    <QmsProvider key={principal.userId} client={qms} principal={principal} userName={(id) => people[id]}>
      {children}
    </QmsProvider>
  );
}

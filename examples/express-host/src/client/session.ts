// The LIMS's own session in the browser: who is signed in, from its own API (a cookie session).
import { useCallback, useEffect, useState } from 'react';

export interface Me {
  id: string;
  email: string;
  name: string;
  /** Masetra roles, as the server maps the LIMS's. */
  roles: string[];
}

export function useLabSession() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    fetch('/api/me')
      .then((response) => (response.ok ? (response.json() as Promise<Me>) : null))
      .then(setMe, () => setMe(null));
  }, []);
  const signIn = useCallback(async (email: string, password: string): Promise<string | undefined> => {
    const response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = (await response.json()) as Me & { message?: string };
    if (!response.ok) return body.message ?? 'Sign-in failed.';
    setMe(body);
    return undefined;
  }, []);
  const signOut = useCallback(async () => {
    await fetch('/api/session', { method: 'DELETE' });
    setMe(null);
  }, []);
  // The LIMS's people by id, so the screens show names rather than ids.
  const [people, setPeople] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!me) return;
    fetch('/api/people')
      .then((response) => response.json() as Promise<{ id: string; name: string }[]>)
      .then((list) => setPeople(new Map(list.map((person) => [person.id, person.name]))));
  }, [me]);
  const userName = useCallback((id: string) => people.get(id), [people]);
  return { me, signIn, signOut, userName };
}

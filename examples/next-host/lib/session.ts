// The LIMS's own session: a signed, HTTP-only cookie (jose, HS256) naming the user and session.
// Server components, server actions and the QMS's `authenticate` all read it the same way.
import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { cookies } from 'next/headers';
import { type LabUser, labUser } from './labUsers';

const COOKIE = 'northwind_session';
const secret = new TextEncoder().encode(process.env.SESSION_SECRET ?? 'northwind-example-only-not-a-secret');

export interface LabSession {
  user: LabUser;
  sessionId: string;
}

export async function startSession(user: LabUser): Promise<void> {
  const token = await new SignJWT({ sid: randomUUID() })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuedAt()
    .setExpirationTime('8h')
    .sign(secret);
  (await cookies()).set(COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/' });
}

export async function endSession(): Promise<void> {
  (await cookies()).delete(COOKIE);
}

/** The signed-in user of this request, or null. */
export async function currentSession(): Promise<LabSession | null> {
  const token = (await cookies()).get(COOKIE)?.value;
  if (!token) return null;
  try {
    const { payload } = await jwtVerify<{ sid: string }>(token, secret, { algorithms: ['HS256'] });
    const user = labUser(payload.sub);
    return user && typeof payload.sid === 'string' ? { user, sessionId: payload.sid } : null;
  } catch {
    return null;
  }
}

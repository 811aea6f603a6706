import { jwtVerify, SignJWT } from 'jose';
import { addSeconds } from './authContext';

// Pinned so a token signed with the same secret for another purpose is never taken as an access token.
const ISSUER = 'masetra-reference-server';
const AUDIENCE = 'masetra-api';
const TOKEN_TYPE = 'at+jwt';

export interface AccessTokenClaims {
  userId: string;
  orgId: string;
  roles: string[];
  displayName: string;
  sessionId: string;
}

export function signAccessToken(
  claims: AccessTokenClaims,
  secret: Uint8Array,
  now: Date,
  ttlSeconds: number,
): Promise<string> {
  return new SignJWT({
    org: claims.orgId,
    roles: claims.roles,
    name: claims.displayName,
    sid: claims.sessionId,
  })
    .setProtectedHeader({ alg: 'HS256', typ: TOKEN_TYPE })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(addSeconds(now, ttlSeconds))
    .sign(secret);
}

/** The token's user and session, when its signature, type and lifetime check out; else undefined. */
export async function readAccessToken(
  token: string,
  secret: Uint8Array,
  now: Date,
): Promise<{ userId: string; sessionId: string } | undefined> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      typ: TOKEN_TYPE,
      currentDate: now,
      requiredClaims: ['sub', 'exp', 'sid'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return undefined;
    return { userId: payload.sub, sessionId: payload.sid };
  } catch {
    return undefined;
  }
}

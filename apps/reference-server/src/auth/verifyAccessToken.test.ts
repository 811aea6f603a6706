import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthHarness } from './testing/authTestHarness';
import { createAuthHarness } from './testing/authTestHarness';

let h: AuthHarness;
beforeAll(async () => {
  h = await createAuthHarness();
});
afterAll(() => h.close());

describe('verifyAccessToken', () => {
  it('expires the token after 15 minutes', async () => {
    const alice = await h.createUser();
    const { accessToken } = await h.auth.login({ email: alice.email, password: alice.password });
    h.clock.advance({ minutes: 14, seconds: 59 });
    expect(await h.auth.verifyAccessToken(accessToken)).not.toBeNull();
    h.clock.advance({ seconds: 1 });
    expect(await h.auth.verifyAccessToken(accessToken)).toBeNull();
  });

  it('refuses a token signed with another key, altered, or not an access token', async () => {
    const bob = await h.createUser();
    const { accessToken } = await h.auth.login({ email: bob.email, password: bob.password });
    const [header, payload, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const elevated = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url');
    expect(await h.auth.verifyAccessToken(`${header}.${elevated}.${signature}`)).toBeNull();

    const otherKey = new Uint8Array(32).fill(7);
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .sign(otherKey);
    expect(await h.auth.verifyAccessToken(forged)).toBeNull();

    // Same key, but without the access-token type: e.g. a token minted for another purpose.
    const untyped = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(h.jwtSecret);
    expect(await h.auth.verifyAccessToken(untyped)).toBeNull();
    expect(await h.auth.verifyAccessToken('garbage')).toBeNull();
  });

  it('reads name and roles at the moment of use, not from the token (PART11 11)', async () => {
    const carol = await h.createUser({ roles: ['qa_approver'] });
    const { accessToken } = await h.auth.login({ email: carol.email, password: carol.password });
    await h.db.deleteFrom('user_roles').where('user_id', '=', carol.id).execute();
    await h.db
      .updateTable('users')
      .set({ display_name: 'Carol Renamed' })
      .where('id', '=', carol.id)
      .execute();
    expect(await h.auth.verifyAccessToken(accessToken)).toMatchObject({
      roles: [],
      displayName: 'Carol Renamed',
    });
  });

  it('does not take a token of one user for another user’s session', async () => {
    const dave = await h.createUser();
    const erin = await h.createUser();
    const daves = await h.auth.login({ email: dave.email, password: dave.password });
    const { sessionId } = (await h.auth.verifyAccessToken(daves.accessToken))!;
    const now = Math.floor(h.clock.now().getTime() / 1000);
    const crossed = await new SignJWT({ org: h.orgId, roles: [], name: 'x', sid: sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setSubject(erin.id)
      .setIssuer('masetra-reference-server')
      .setAudience('masetra-api')
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(h.jwtSecret);
    expect(await h.auth.verifyAccessToken(crossed)).toBeNull();
  });
});

import { authRoutes, type SessionUser } from '@masetra/core';
import express, { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AuthService, AuthUser, LoginResult } from '../auth';
import type { UserDirectory } from '../users/userDirectory';
import { requireUser } from './authenticateBearer';
import { sendProblem } from './sendProblem';
import { validateBody } from './validateBody';

export interface AuthRouterOptions {
  auth: AuthService;
  users: UserDirectory;
  /** Login attempts per client address and minute, before 429. */
  loginRateLimit?: number;
}

/**
 * The reference server's own sign-in: one host of the server kit among many. Shapes come
 * from core's `authRoutes`, so the client and the OpenAPI document agree with them.
 */
export function createAuthRouter({ auth, users, loginRateLimit = 20 }: AuthRouterOptions): Router {
  const router = Router();
  // Only on these paths: the kit mounted beside this router reads its own bodies.
  router.use(['/auth', '/me'], express.json({ limit: '16kb', type: () => true }));

  const sessionUser = async (user: AuthUser): Promise<SessionUser> => {
    const organization = await users.organization(user.orgId);
    return { ...user, orgName: organization?.name };
  };
  const tokens = async (result: LoginResult) => ({ ...result, user: await sessionUser(result.user) });

  // Brute force is slowed per address here; per account, lockout stops it (PART11 24).
  const loginLimiter = rateLimit({
    windowMs: 60_000,
    limit: loginRateLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) =>
      sendProblem(res, {
        status: 429,
        title: 'Too many attempts',
        detail: 'Wait a minute before trying again.',
      }),
  });

  router.post('/auth/login', loginLimiter, async (req, res) => {
    const body = validateBody(authRoutes.login, req.body);
    res.json(await tokens(await auth.login(body)));
  });

  router.post('/auth/refresh', async (req, res) => {
    const body = validateBody(authRoutes.refresh, req.body);
    res.json(await tokens(await auth.refresh(body.refreshToken)));
  });

  router.post('/auth/password', loginLimiter, async (req, res) => {
    const body = validateBody(authRoutes.changePassword, req.body);
    res.json(await tokens(await auth.changePasswordWithCurrent(body)));
  });

  const signedIn = requireUser(auth);

  router.post('/auth/logout', signedIn, async (req, res) => {
    const body = validateBody(authRoutes.logout, req.body);
    await auth.logout(
      body.refreshToken ? { refreshToken: body.refreshToken } : { sessionId: req.principal!.sessionId },
    );
    res.json({ ok: true });
  });

  router.post('/auth/totp', signedIn, async (req, res) => {
    res.json(await auth.beginTotpEnrolment(req.principal!.userId));
  });

  router.post('/auth/totp/confirm', signedIn, async (req, res) => {
    const body = validateBody(authRoutes.confirmTotp, req.body);
    await auth.confirmTotpEnrolment(req.principal!.userId, body.otp);
    res.json({ ok: true });
  });

  router.get('/me', signedIn, async (req, res) => {
    const user = await auth.getUser(req.principal!.userId);
    if (!user) return sendProblem(res, { status: 401, title: 'Authentication required' });
    res.json(await sessionUser(user));
  });

  // Names only, for everyone signed in: the screens show people, not ids; e-mail and roles stay with admins.
  router.get('/directory', signedIn, async (req, res) => {
    const items = await users.listUsers(req.principal!.orgId);
    res.json({ items: items.map(({ id, displayName, active }) => ({ id, displayName, active })) });
  });

  return router;
}

import { authRoutes } from '@masetra/core';
import express, { Router } from 'express';
import type { AuthService } from '../auth';
import { type UserDirectory, unknownRoles } from '../users/userDirectory';
import { requireRole, requireUser } from './authenticateBearer';
import { HostProblemError, sendProblem } from './sendProblem';
import { validateBody } from './validateBody';

function assertKnownRoles(roles: readonly string[] | undefined): void {
  const unknown = unknownRoles(roles ?? []);
  if (unknown.length > 0) {
    throw new HostProblemError({
      status: 422,
      title: 'Validation failed',
      detail: `Unknown roles: ${unknown.join(', ')}.`,
      errors: [{ pointer: '/roles', detail: `Unknown roles: ${unknown.join(', ')}.` }],
    });
  }
}

/** User administration, for the admin role of the caller's own organization only. */
export function createAdminRouter({ auth, users }: { auth: AuthService; users: UserDirectory }): Router {
  const router = Router();
  router.use(
    ['/users', '/organizations'],
    express.json({ limit: '16kb', type: () => true }),
    requireUser(auth),
    requireRole('admin'),
  );

  router.get('/users', async (req, res) => {
    res.json({ items: await users.listUsers(req.principal!.orgId) });
  });

  router.post('/users', async (req, res) => {
    const body = validateBody(authRoutes.createUser, req.body);
    assertKnownRoles(body.roles);
    if (await users.findUserByEmail(body.email)) {
      return sendProblem(res, {
        status: 409,
        title: 'Conflict',
        detail: 'A user with this e-mail exists.',
        code: 'email_taken',
      });
    }
    const user = await users.createUser({ ...body, orgId: req.principal!.orgId });
    // Whoever creates the account knows this password: the user must replace it (PART11 18).
    await auth.createCredentials(user.id, body.temporaryPassword, { mustChangePassword: true });
    res.status(201).json(user);
  });

  router.patch('/users/:id', async (req, res) => {
    const body = validateBody(authRoutes.updateUser, req.body);
    assertKnownRoles(body.roles);
    const user = await users.updateUser(req.principal!.orgId, req.params.id as string, body);
    if (!user) return sendProblem(res, { status: 404, title: 'Not found', detail: 'No such user.' });
    // Deactivation ends every session at once (PART11 23).
    if (body.active === false) await auth.deactivateUser(user.id);
    res.json(user);
  });

  router.post('/users/:id/password-reset', async (req, res) => {
    const body = validateBody(authRoutes.resetPassword, req.body);
    const user = await users.findUser(req.principal!.orgId, req.params.id as string);
    if (!user) return sendProblem(res, { status: 404, title: 'Not found', detail: 'No such user.' });
    await auth.setPassword(user.id, body.temporaryPassword, { by: 'admin', actorId: req.principal!.userId });
    res.json({ ok: true });
  });

  router.get('/organizations', async (req, res) => {
    const organization = await users.organization(req.principal!.orgId);
    res.json({ items: organization ? [organization] : [] });
  });

  return router;
}

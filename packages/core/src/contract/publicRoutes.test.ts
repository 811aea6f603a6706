/** Which routes answer without signing in: a security decision, so a change to it must show here. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import type { auditTrailEntrySchema } from '../entities/auditTrailEntry';
import { builtInRegistry } from '../registry/recordTypes';
import { authRoutes } from './authRoutes';
import { buildContract } from './buildContract';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, pageOf } from './listQuery';

const everyRoute = [...buildContract(builtInRegistry).routes, ...Object.values(authRoutes)];

describe('public routes', () => {
  it('are sign-in (also single sign-on), token refresh, the password change and the account set-up with their own credentials, the forgotten-password request, and the API description', () => {
    const publicIds = everyRoute.filter((route) => route.public).map((route) => route.id);
    expect(publicIds.sort()).toEqual([
      'auth.changePassword',
      'auth.forgotPassword',
      'auth.login',
      'auth.refresh',
      'auth.setUpAccount',
      'openapi',
      'sso.complete',
      'sso.start',
    ]);
  });

  it('every other route documents the 401 it answers without a session', () => {
    for (const route of everyRoute.filter((candidate) => !candidate.public)) {
      expect(route.problems, route.id).toContain(401);
    }
  });
});

describe('pages', () => {
  it('a pageOf schema yields a Page of what its item yields', () => {
    expectTypeOf<z.output<ReturnType<typeof pageOf<typeof auditTrailEntrySchema>>>>().toEqualTypeOf<
      Page<z.output<typeof auditTrailEntrySchema>>
    >();
    expect(pageOf(z.string()).parse({ items: ['a'], nextCursor: null })).toEqual({
      items: ['a'],
      nextCursor: null,
    });
  });

  it('every paged route takes at most MAX_PAGE_SIZE items a page', () => {
    const paged = everyRoute.filter(
      (route) => route.query && 'limit' in (route.query as z.ZodMiniObject).shape,
    );
    expect(paged.map((route) => route.id)).toContain('auditTrail.list');
    expect(paged.map((route) => route.id)).toContain('notifications.list');
    for (const route of paged) {
      const query = route.query as z.ZodMiniType;
      expect(query.safeParse({ limit: String(MAX_PAGE_SIZE) }).success, route.id).toBe(true);
      expect(query.safeParse({ limit: String(MAX_PAGE_SIZE + 1) }).success, route.id).toBe(false);
      expect(query.safeParse({ limit: String(DEFAULT_PAGE_SIZE) }).success, route.id).toBe(true);
    }
  });
});

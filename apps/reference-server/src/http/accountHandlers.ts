// The signed-in user's own account (sessions, authenticator, recovery codes) and the
// administrator's side of it (ending a user's sessions, the organization's MFA policy), from
// core's `accountRoutes`, plus TOTP enrolment (`auth.beginTotp`, `auth.confirmTotp`).
import { problemFor } from '@masetra/core';
import type { accountRoutes } from '@masetra/core/auth';
import { appendAuditEntry, type Database } from '@masetra/server-kit';
import type { Request, RequestHandler } from 'express';
import type { Kysely, Transaction } from 'kysely';
import QRCode from 'qrcode';
import type { AuthDatabase, AuthPrincipal, AuthService } from '../auth';
import { isAuthError } from '../auth';
import { mfaRequiredFor } from '../auth/mfaPolicy';
import { setLocale } from '../auth/userLocale';
import type { UserDirectory } from '../users/userDirectory';
import { requestSource, USER_SUBJECT } from '../users/userTrail';
import { requirePermission } from './authenticateBearer';
import type { HostRouteHandlers } from './hostRoutes';
import { HostProblemError, sendProblem } from './sendProblem';

export type AccountRouteId = (typeof accountRoutes)[keyof typeof accountRoutes]['id'];

/** The routes of `accountRoutes`, and TOTP enrolment. */
export type AccountRouteHandlers = Pick<
  HostRouteHandlers,
  AccountRouteId | 'auth.beginTotp' | 'auth.confirmTotp'
>;

/** The audit trail's record type for entries about the organization itself (its security policy). */
const ORGANIZATION_SUBJECT = 'organization';

/** The device and address of a new session, as the account page lists them. */
export function sessionClientOf(request: Request): { userAgent: string | null; address: string | null } {
  return { userAgent: request.get('user-agent') ?? null, address: request.ip ?? null };
}

/**
 * A wrong password or code on the account page is a refused step, not an ended session: it
 * answers 403 (a 401 would tell the client its session is over and sign it out).
 */
async function reauthenticated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAuthError(error) && ['invalid_credentials', 'invalid_otp', 'otp_required'].includes(error.code)) {
      throw new HostProblemError({ status: 403, title: error.message, code: error.code });
    }
    throw error;
  }
}

/** An SVG QR code of the otpauth URL, as a data URL an `<img>` shows (the CSP allows `data:` images). */
async function qrCodeOf(otpauthUrl: string): Promise<string> {
  const svg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The administrator's routes wait until their own second factor is set up, when the policy requires one. */
const enrolledFirst: RequestHandler = (req, res, next) => {
  if (req.principal?.mfaEnrolmentRequired) {
    return sendProblem(res, {
      ...problemFor('forbidden', 'Set up your authenticator first: your organization requires it.'),
      code: 'mfa_enrolment_required',
    });
  }
  next();
};

function actorOf(principal: AuthPrincipal) {
  return { actorId: principal.userId, actorName: principal.displayName };
}

/**
 * What the server records when a recovery code opens a login: an entry about the user in the
 * audit trail, written in the transaction that spends the code.
 */
export async function recoveryCodeTrail(
  trx: Transaction<AuthDatabase>,
  used: { userId: string; remaining: number; at: Date },
): Promise<void> {
  const user = await trx
    .selectFrom('users')
    .select(['id', 'org_id', 'email', 'display_name'])
    .where('id', '=', used.userId)
    .executeTakeFirst();
  if (!user) return;
  await appendAuditEntry(trx as unknown as Transaction<Database>, {
    orgId: user.org_id,
    at: used.at,
    actorId: user.id,
    actorName: user.display_name,
    action: 'recovery_code_used',
    recordType: USER_SUBJECT,
    recordId: user.id,
    recordNumber: user.email,
    changes: [{ field: 'recoveryCodesRemaining', old: used.remaining + 1, new: used.remaining }],
    reason: 'Signed in with a recovery code instead of the authenticator',
    source: null,
  });
}

export function accountHandlers({
  auth,
  users,
  db,
}: {
  auth: AuthService;
  users: UserDirectory;
  /** Where the users' own preferences (their language) are kept. */
  db: Kysely<Database>;
}): AccountRouteHandlers {
  const adminOnly = [enrolledFirst, requirePermission('administerUsers')];
  const policyOf = async (orgId: string) => {
    const policy = await auth.getSecurityPolicy(orgId);
    return { ...policy, updatedAt: policy.updatedAt?.toISOString() ?? null };
  };

  return {
    'account.setLocale': {
      handle: async ({ body, principal }) => {
        await setLocale(db, principal().userId, body.locale);
        return { locale: body.locale };
      },
    },
    'auth.beginTotp': {
      handle: async ({ body, principal }) => {
        const enrolment = await reauthenticated(() =>
          auth.beginTotpEnrolment(principal().userId, { password: body.password }),
        );
        return { ...enrolment, qrCode: await qrCodeOf(enrolment.otpauthUrl) };
      },
    },
    'auth.confirmTotp': {
      handle: async ({ body, principal }) => {
        const { recoveryCodes } = await auth.confirmTotpEnrolment(principal().userId, body.otp);
        return { ok: true, recoveryCodes };
      },
    },
    'account.sessions': {
      handle: async ({ principal }) => {
        const { userId, sessionId } = principal();
        const sessions = await auth.listSessions(userId, sessionId);
        return {
          items: sessions.map((session) => ({
            ...session,
            startedAt: session.startedAt.toISOString(),
            lastUsedAt: session.lastUsedAt.toISOString(),
            expiresAt: session.expiresAt.toISOString(),
          })),
        };
      },
    },
    'account.revokeSession': {
      handle: async ({ params, principal }) => {
        await auth.revokeSession(principal().userId, params.id);
        return { ok: true };
      },
    },
    'account.revokeOtherSessions': {
      handle: async ({ principal }) => {
        const { userId, sessionId } = principal();
        return { revoked: await auth.revokeOtherSessions(userId, sessionId) };
      },
    },
    'account.authenticator': {
      handle: async ({ principal }) => {
        const { userId } = principal();
        const user = await auth.getUser(userId);
        if (!user) throw new HostProblemError({ status: 401, title: 'Authentication required' });
        const policy = await auth.getSecurityPolicy(user.orgId);
        const required =
          policy.mfaRequired === 'everyone' ||
          (policy.mfaRequired === 'signers' && user.roles.some((role) => policy.signingRoles.includes(role)));
        return {
          enrolled: user.mfaEnrolled,
          recoveryCodesRemaining: user.mfaEnrolled ? await auth.recoveryCodesRemaining(userId) : 0,
          required,
        };
      },
    },
    'account.removeAuthenticator': {
      handle: async ({ body, principal }) => {
        await reauthenticated(() => auth.removeAuthenticator(principal().userId, body));
        return { ok: true };
      },
    },
    'account.recoveryCodes': {
      handle: async ({ body, principal }) =>
        reauthenticated(() => auth.regenerateRecoveryCodes(principal().userId, body)),
    },
    'users.revokeSessions': {
      guards: adminOnly,
      handle: async ({ body, params, principal, request }) => {
        const admin = principal();
        const user = await users.findUser(admin.orgId, params.id);
        if (!user) throw new HostProblemError({ status: 404, title: 'Not found', detail: 'No such user.' });
        const revoked = await auth.revokeAllSessions(user.id, {
          actorId: admin.userId,
          inTransaction: async (trx, ended) => {
            await appendAuditEntry(trx as unknown as Transaction<Database>, {
              orgId: user.orgId,
              at: new Date(),
              ...actorOf(admin),
              action: 'sessions_revoked',
              recordType: USER_SUBJECT,
              recordId: user.id,
              recordNumber: user.email,
              changes: [{ field: 'openSessions', old: ended, new: 0 }],
              reason: body.reason ?? null,
              source: requestSource(request),
            });
          },
        });
        return { revoked };
      },
    },
    'organizations.securityPolicy': {
      guards: adminOnly,
      handle: async ({ principal }) => policyOf(principal().orgId),
    },
    'organizations.setSecurityPolicy': {
      guards: adminOnly,
      handle: async ({ body, principal, request }) => {
        const admin = principal();
        // A rule that covers the administrator before they have a second factor would hold them at
        // enrolment too, away from the very screen that set it: they enrol first.
        const [self, current] = await Promise.all([
          auth.getUser(admin.userId),
          auth.getSecurityPolicy(admin.orgId),
        ]);
        if (!self?.mfaEnrolled && mfaRequiredFor(body.mfaRequired, admin.roles, current.signingRoles)) {
          throw new HostProblemError({
            ...problemFor(
              'conflict',
              'Set up your own authenticator on your account page first: this rule would require one of you too.',
            ),
            code: 'enrol_first',
          });
        }
        const organization = await users.organization(admin.orgId);
        await auth.setSecurityPolicy({
          orgId: admin.orgId,
          mfaRequired: body.mfaRequired,
          actorId: admin.userId,
          reason: body.reason ?? null,
          inTransaction: async (trx, from) => {
            if (from === body.mfaRequired) return;
            await appendAuditEntry(trx as unknown as Transaction<Database>, {
              orgId: admin.orgId,
              at: new Date(),
              ...actorOf(admin),
              action: 'security_policy_changed',
              recordType: ORGANIZATION_SUBJECT,
              recordId: admin.orgId,
              recordNumber: organization?.name ?? admin.orgId,
              changes: [{ field: 'mfaRequired', old: from, new: body.mfaRequired }],
              reason: body.reason ?? null,
              source: requestSource(request),
            });
          },
        });
        return policyOf(admin.orgId);
      },
    },
  };
}

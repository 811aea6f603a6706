/**
 * Every change of someone's access — a new user, a role granted or revoked, a rename,
 * deactivation and reactivation, a password or authenticator reset, a set-up link — written
 * to the organization's audit trail in the transaction of the change (who, whom, old and new
 * value, why), and reported as a security event once it committed.
 */
import { type Organization, problemFor, type SupportedLocale, type User } from '@masetra/core';
import type { AuditEntryInput, Database } from '@masetra/server-kit';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AuthDatabase, AuthService, SecurityEvent } from '../auth';
import { HostProblemError } from '../http/sendProblem';
import { enqueueLinkMail } from '../mail/linkMail';
import { enqueueNoticeMail } from '../mail/noticeMail';
import { assertRoleChangeAllowed, roleChangeOf } from './accessPolicy';
import {
  applyUserChanges,
  insertOrganization,
  insertUser,
  type UserChanges,
  type UserDirectory,
} from './userDirectory';
import { appendUserTrailEntry, type TrailActor } from './userTrail';

type AuditChange = NonNullable<AuditEntryInput['changes']>[number];

/** Who asks for a change, from where, and why. */
export interface AccessChangeRequest {
  actor: TrailActor & { orgId: string };
  source: AuditEntryInput['source'];
  reason?: string | null;
}

export interface NewUserRequest {
  email: string;
  displayName: string;
  roles: readonly string[];
  /** The language of the invitation and of every later e-mail. */
  locale?: SupportedLocale;
}

/** A reset or forgotten-password link is good for 30 minutes; an invitation for the service's set-up link time. */
export const RESET_LINK_TTL_SECONDS = 30 * 60;

export interface NewOrganizationRequest {
  name: string;
  adminEmail: string;
  adminName: string;
  actor: TrailActor;
  source: AuditEntryInput['source'];
}

export interface SetupLinkIssued {
  user: User;
  /** Goes into the link only: never stored, never logged. */
  token: string;
  expiresAt: Date;
}

const emailTaken = () =>
  new HostProblemError({ ...problemFor('conflict', 'A user with this e-mail exists.'), code: 'email_taken' });

/** A field's old and new value, or nothing when it did not change. */
function changeOf(field: string, old: unknown, next: unknown): AuditChange[] {
  return JSON.stringify(old) === JSON.stringify(next) ? [] : [{ field, old, new: next }];
}

/** A new user's initial values, as a record's create lists every field (PART11 3). */
function initialValuesOf(user: User): AuditChange[] {
  return [
    { field: 'email', new: user.email },
    { field: 'displayName', new: user.displayName },
    { field: 'roles', new: user.roles },
    { field: 'active', new: user.active },
    ...(user.locale ? [{ field: 'locale', new: user.locale }] : []),
  ];
}

/**
 * The reference server's user administration. The caller has checked that the actor may
 * administer users; this module holds the rules of what they may do, and writes the trail.
 */
export function createUserAdministration({
  db,
  auth,
  users,
  clock = () => new Date(),
}: {
  db: Kysely<Database>;
  auth: AuthService;
  users: UserDirectory;
  clock?: () => Date;
}) {
  const report = async (events: SecurityEvent[]) => {
    for (const event of events) await auth.reportSecurityEvent(event);
  };
  const roleEvents = (
    user: User,
    actorId: string,
    granted: string[],
    revoked: string[],
    reason: string | null,
    at: Date,
  ): SecurityEvent[] => [
    ...granted.map((role) => ({ type: 'role.granted' as const, userId: user.id, actorId, role, reason, at })),
    ...revoked.map((role) => ({ type: 'role.revoked' as const, userId: user.id, actorId, role, reason, at })),
  ];

  /**
   * An e-mail is one person (PART11 21: no two users share a user id), so a second account for an
   * address never exists. Within the administrator's own organization a duplicate is a plain
   * 409: they see their users anyway. An address of *another* organization must not be told
   * apart from a free one, or any administrator could test addresses for being customers of
   * the system (and of whom). So the answer is the one a success gives (the same user shape,
   * a fresh id, `active`), nothing is created and no trail entry is written in the asking
   * organization; instead the address's owner is e-mailed that an administrator of that
   * organization tried to add them (so they can offer another address), and security is told
   * (`user.address_in_use`, on the owner's account). What remains is that the person never
   * appears in the asking administrator's list: they learn that this one invitation did not
   * lead to an account, as with a mistyped address, not whose address it is.
   */
  const declineTakenAddress = async (
    request: AccessChangeRequest,
    input: NewUserRequest,
    existing: User,
  ): Promise<User> => {
    if (existing.orgId === request.actor.orgId) throw emailTaken();
    const at = clock();
    const askingOrganization = await users.organization(request.actor.orgId);
    await db.transaction().execute((trx) =>
      enqueueNoticeMail(trx, existing.orgId, {
        kind: 'address_in_use',
        userId: existing.id,
        organizationName: askingOrganization?.name ?? request.actor.orgId,
      }),
    );
    await report([
      {
        type: 'user.address_in_use',
        userId: existing.id,
        actorId: request.actor.userId,
        actorOrgId: request.actor.orgId,
        at,
      },
    ]);
    return {
      id: uuidv7(),
      orgId: request.actor.orgId,
      email: input.email.trim().toLowerCase(),
      displayName: input.displayName,
      roles: [...new Set(input.roles)].sort(),
      active: true,
      createdAt: at.toISOString(),
    };
  };

  return {
    /**
     * An administrator adds a user of their organization; the user is e-mailed a single-use
     * invitation link to choose their own password, so no administrator ever knows it (PART11 18).
     */
    async createUser(request: AccessChangeRequest, input: NewUserRequest): Promise<User> {
      const reason = request.reason ?? null;
      assertRoleChangeAllowed({
        actorId: request.actor.userId,
        userId: null,
        change: roleChangeOf([], input.roles),
        reason,
      });
      const existing = await users.findUserByEmail(input.email);
      if (existing) return declineTakenAddress(request, input, existing);
      const at = clock();
      const id = uuidv7();
      let created: User | undefined;
      await auth.issueSetupToken(id, {
        actorId: request.actor.userId,
        inTransaction: async (trx, issued) => {
          created = await insertUser(trx as unknown as Kysely<Database>, {
            ...input,
            id,
            orgId: request.actor.orgId,
          });
          const entry = { actor: request.actor, subject: created, reason, source: request.source, at };
          await appendUserTrailEntry(trx, { ...entry, action: 'create', changes: initialValuesOf(created) });
          await appendUserTrailEntry(trx, {
            ...entry,
            action: 'setup_link_issued',
            changes: [{ field: 'setupLinkExpiresAt', new: issued.expiresAt.toISOString() }],
          });
          await enqueueLinkMail(trx, {
            orgId: request.actor.orgId,
            userId: id,
            kind: 'invitation',
            ...issued,
          });
        },
      });
      const user = created as User;
      await report([
        {
          type: 'user.created',
          userId: user.id,
          actorId: request.actor.userId,
          roles: user.roles,
          reason,
          at,
        },
      ]);
      return user;
    },

    /**
     * Renames, grants and revokes roles, deactivates or reactivates; one trail entry with every
     * changed field. Deactivation ends the user's sessions in the same transaction. Null when the
     * organization has no such user.
     */
    async updateUser(
      request: AccessChangeRequest,
      userId: string,
      changes: UserChanges,
    ): Promise<User | null> {
      const before = await users.findUser(request.actor.orgId, userId);
      if (!before) return null;
      const reason = request.reason ?? null;
      const roles = changes.roles ? [...new Set(changes.roles)].sort() : before.roles;
      const roleChange = roleChangeOf(before.roles, roles);
      assertRoleChangeAllowed({ actorId: request.actor.userId, userId, change: roleChange, reason });
      const displayName = changes.displayName ?? before.displayName;
      const active = changes.active ?? before.active;
      const locale = changes.locale ?? before.locale;
      const trailChanges = [
        ...changeOf('displayName', before.displayName, displayName),
        ...changeOf('roles', before.roles, roles),
        ...changeOf('active', before.active, active),
        ...changeOf('locale', before.locale ?? null, locale ?? null),
      ];
      if (trailChanges.length === 0) return before;

      const at = clock();
      let after: User | undefined;
      const write = async (trx: Kysely<Database>) => {
        after = await applyUserChanges(trx, userId, {
          displayName,
          roles,
          active,
          ...(locale ? { locale } : {}),
        });
        await appendUserTrailEntry(trx, {
          actor: request.actor,
          subject: before,
          action: 'update',
          changes: trailChanges,
          reason,
          source: request.source,
          at,
        });
      };
      const deactivating = before.active && !active;
      if (deactivating) {
        // Through the auth module: every session ends in the same transaction (PART11 23).
        await auth.deactivateUser(userId, {
          actorId: request.actor.userId,
          reason,
          inTransaction: (trx) => write(trx as unknown as Kysely<Database>),
        });
      } else {
        await db.transaction().execute((trx) => write(trx));
      }

      const actorId = request.actor.userId;
      await report([
        ...roleEvents(before, actorId, roleChange.granted, roleChange.revoked, reason, at),
        ...(displayName !== before.displayName
          ? [
              {
                type: 'user.renamed' as const,
                userId,
                actorId,
                from: before.displayName,
                to: displayName,
                reason,
                at,
              },
            ]
          : []),
        ...(!before.active && active
          ? [{ type: 'user.reactivated' as const, userId, actorId, reason, at }]
          : []),
      ]);
      return after as User;
    },

    /**
     * Ends the user's current password and every session at once, and e-mails them a single-use
     * link, good for 30 minutes, to choose a new one: the administrator never knows a password
     * of theirs, so cannot sign as them (PART11 18). False when there is no such user.
     */
    async resetPassword(request: AccessChangeRequest, userId: string): Promise<boolean> {
      const user = await users.findUser(request.actor.orgId, userId);
      if (!user) return false;
      await auth.issueSetupToken(userId, {
        actorId: request.actor.userId,
        ttlSeconds: RESET_LINK_TTL_SECONDS,
        revokeCurrentPassword: true,
        reason: request.reason ?? null,
        inTransaction: async (trx, issued) => {
          await appendUserTrailEntry(trx, {
            actor: request.actor,
            subject: user,
            action: 'password_reset',
            changes: [
              { field: 'password', old: 'set', new: 'revoked' },
              { field: 'setupLinkExpiresAt', new: issued.expiresAt.toISOString() },
            ],
            reason: request.reason,
            source: request.source,
            at: clock(),
          });
          await enqueueLinkMail(trx, { orgId: user.orgId, userId, kind: 'password_reset', ...issued });
        },
      });
      return true;
    },

    /**
     * "Forgot password": e-mails an active user a 30-minute link to choose a new password. Their
     * current password keeps working meanwhile (whoever types an address must not be able to lock
     * its owner out). Nothing happens for an unknown or inactive address, and the caller answers
     * the same either way.
     */
    async requestPasswordLink(email: string, source: AuditEntryInput['source']): Promise<void> {
      const user = await users.findUserByEmail(email);
      if (!user?.active) return;
      await auth.issueSetupToken(user.id, {
        actorId: user.id,
        ttlSeconds: RESET_LINK_TTL_SECONDS,
        inTransaction: async (trx, issued) => {
          await appendUserTrailEntry(trx, {
            actor: { userId: user.id, displayName: user.displayName },
            subject: user,
            action: 'setup_link_issued',
            changes: [{ field: 'setupLinkExpiresAt', new: issued.expiresAt.toISOString() }],
            reason: 'Forgotten password, asked for on the sign-in page',
            source,
            at: clock(),
          });
          await enqueueLinkMail(trx, {
            orgId: user.orgId,
            userId: user.id,
            kind: 'password_reset',
            ...issued,
          });
        },
      });
    },

    /** Removes the user's authenticator (a lost device). False when there is no such user. */
    async resetAuthenticator(request: AccessChangeRequest, userId: string): Promise<boolean> {
      const user = await users.findUser(request.actor.orgId, userId);
      if (!user) return false;
      const before = await auth.getUser(userId);
      await auth.resetTotp(userId, {
        actorId: request.actor.userId,
        reason: request.reason ?? null,
        inTransaction: async (trx) => {
          await appendUserTrailEntry(trx, {
            actor: request.actor,
            subject: user,
            action: 'authenticator_reset',
            changes: [{ field: 'mfaEnrolled', old: before?.mfaEnrolled ?? false, new: false }],
            reason: request.reason,
            source: request.source,
            at: clock(),
          });
          // The owner hears of it: a reset they did not ask for is someone taking over their account.
          if (before?.mfaEnrolled) {
            await enqueueNoticeMail(trx, user.orgId, { kind: 'authenticator_reset', userId: user.id });
          }
        },
      });
      return true;
    },

    /**
     * A new organization and its first administrator, who has no password until they choose one
     * with the returned single-use set-up link. For the command line of whoever runs the server.
     */
    async createOrganization(
      request: NewOrganizationRequest,
    ): Promise<{ organization: Organization } & SetupLinkIssued> {
      if (await users.organizationByName(request.name)) {
        throw new HostProblemError({
          ...problemFor('conflict', `An organization named "${request.name}" exists.`),
          code: 'organization_exists',
        });
      }
      if (await users.findUserByEmail(request.adminEmail)) throw emailTaken();
      const at = clock();
      const id = uuidv7();
      let organization: Organization | undefined;
      let admin: User | undefined;
      const { token, expiresAt } = await auth.issueSetupToken(id, {
        actorId: request.actor.userId,
        inTransaction: async (trx, issued) => {
          const kitTrx = trx as unknown as Kysely<Database>;
          organization = await insertOrganization(kitTrx, request.name);
          admin = await insertUser(kitTrx, {
            id,
            orgId: organization.id,
            email: request.adminEmail,
            displayName: request.adminName,
            roles: ['admin'],
          });
          const entry = { actor: request.actor, subject: admin, source: request.source, at };
          await appendUserTrailEntry(trx, {
            ...entry,
            action: 'create',
            changes: initialValuesOf(admin),
            reason: `First administrator of ${request.name}`,
          });
          await appendUserTrailEntry(trx, {
            ...entry,
            action: 'setup_link_issued',
            changes: [{ field: 'setupLinkExpiresAt', new: issued.expiresAt.toISOString() }],
          });
        },
      });
      const user = admin as User;
      await report([
        {
          type: 'user.created',
          userId: user.id,
          actorId: request.actor.userId,
          roles: user.roles,
          reason: `First administrator of ${request.name}`,
          at,
        },
      ]);
      return { organization: organization as Organization, user, token, expiresAt };
    },

    /** A new set-up link for a user who has not chosen a password, or whose link expired. */
    async issueSetupLink(
      request: Omit<AccessChangeRequest, 'actor'> & { actor: TrailActor },
      user: User,
    ): Promise<SetupLinkIssued> {
      const { token, expiresAt } = await auth.issueSetupToken(user.id, {
        actorId: request.actor.userId,
        inTransaction: (trx, issued) =>
          appendUserTrailEntry(trx, {
            actor: request.actor,
            subject: user,
            action: 'setup_link_issued',
            changes: [{ field: 'setupLinkExpiresAt', new: issued.expiresAt.toISOString() }],
            reason: request.reason,
            source: request.source,
            at: clock(),
          }),
      });
      return { user, token, expiresAt };
    },

    /**
     * What the set-up route hands to `auth.setUpAccount`: the trail entry of the user choosing
     * their first password, written as that user, in the transaction that stores it.
     */
    accountSetUpEntry(source: AuditEntryInput['source']) {
      return async (trx: Transaction<AuthDatabase>, userId: string) => {
        const row = await (trx as unknown as Kysely<Database>)
          .selectFrom('users')
          .select(['id', 'org_id', 'email', 'display_name'])
          .where('id', '=', userId)
          .executeTakeFirstOrThrow();
        await appendUserTrailEntry(trx, {
          actor: { userId: row.id, displayName: row.display_name },
          subject: { id: row.id, orgId: row.org_id, email: row.email },
          action: 'account_setup',
          changes: [{ field: 'password', new: 'chosen by the user' }],
          source,
          at: clock(),
        });
      };
    },
  };
}

export type UserAdministration = ReturnType<typeof createUserAdministration>;

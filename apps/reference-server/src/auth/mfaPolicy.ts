/**
 * An organization's rule for the second factor (PART11 25): required of everyone, of the roles
 * that sign, or of no one. A user it covers who has no authenticator is signed in only to enrol
 * one (`mfaEnrolmentRequired`): the QMS itself refuses them until they have.
 */
import type { RecordTypeRegistry } from '@masetra/core';
import type { Kysely } from 'kysely';
import type { AuthDb } from './authDatabase';
import type { InTransaction } from './inTransaction';
import type { AuthContext } from './internal/authContext';
import { emitSecurityEvent } from './internal/authContext';
import type { MfaRequirement } from './securityEvent';

export type { MfaRequirement } from './securityEvent';

export const mfaRequirements: readonly MfaRequirement[] = ['off', 'signers', 'everyone'];

export interface SecurityPolicy {
  mfaRequired: MfaRequirement;
  /** The roles `signers` covers: those the permission matrix lets take a signed step. */
  signingRoles: string[];
  updatedAt: Date | null;
  updatedBy: string | null;
}

interface TransitionNode {
  transitions: Map<string, readonly { meta?: { signature?: string } }[]>;
  states: Record<string, TransitionNode>;
}

/**
 * The roles that sign: those the permission matrix grants some lifecycle event whose move asks
 * for an electronic signature (`meta.signature`), across the registry's record types.
 */
export function signingRolesOf(registry: Pick<RecordTypeRegistry, 'list'>): string[] {
  const roles = new Set<string>();
  for (const recordType of registry.list) {
    const visit = (node: TransitionNode) => {
      for (const [event, transitions] of node.transitions) {
        if (!transitions.some((transition) => transition.meta?.signature)) continue;
        for (const role of recordType.permissions.events[event] ?? []) roles.add(role);
      }
      for (const child of Object.values(node.states)) visit(child);
    };
    visit(recordType.machine.root as unknown as TransitionNode);
  }
  return [...roles].sort();
}

function asRequirement(value: string | undefined): MfaRequirement {
  return mfaRequirements.includes(value as MfaRequirement) ? (value as MfaRequirement) : 'off';
}

export async function readMfaRequirement(db: AuthDb, orgId: string): Promise<MfaRequirement> {
  const row = await db
    .selectFrom('auth_security_policies')
    .select('mfa_required')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return asRequirement(row?.mfa_required);
}

/** Whether the requirement covers someone with these roles. */
export function mfaRequiredFor(
  requirement: MfaRequirement,
  roles: readonly string[],
  signingRoles: readonly string[],
): boolean {
  if (requirement === 'everyone') return true;
  if (requirement === 'signers') return roles.some((role) => signingRoles.includes(role));
  return false;
}

interface SsoLinkTable {
  user_id: string;
}

/**
 * Whether this user must enrol an authenticator before the QMS serves them: the organization's
 * rule covers their roles and they have none. A user who signs in through the organization's
 * identity provider (a single sign-on link) is not asked: they have no password here, the
 * provider holds their factors (its own MFA policy), and every signature re-authenticates there
 * (`prompt=login`, `max_age=0`). Asking them to enrol would ask for a password they do not have.
 */
export async function needsMfaEnrolment(
  ctx: AuthContext,
  user: {
    userId: string;
    orgId: string;
    roles: readonly string[];
    hasAuthenticator: boolean;
    /**
     * The organization's stored rule (`mfa_required`, null without a row) when the caller read it
     * already, joined into its own query: the access-token check does, to spare every request a query.
     */
    storedRequirement?: string | null;
  },
): Promise<boolean> {
  if (user.hasAuthenticator) return false;
  const requirement =
    user.storedRequirement === undefined
      ? await readMfaRequirement(ctx.db, user.orgId)
      : asRequirement(user.storedRequirement ?? undefined);
  if (!mfaRequiredFor(requirement, user.roles, ctx.signingRoles)) {
    return false;
  }
  // The link table belongs to the single sign-on module (migration 0006_sso), read here by name only.
  const link = await (ctx.db as unknown as Kysely<{ auth_sso_links: SsoLinkTable }>)
    .selectFrom('auth_sso_links')
    .select('user_id')
    .where('user_id', '=', user.userId)
    .executeTakeFirst();
  return link === undefined;
}

export async function getSecurityPolicy(ctx: AuthContext, orgId: string): Promise<SecurityPolicy> {
  const row = await ctx.db
    .selectFrom('auth_security_policies')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return {
    mfaRequired: asRequirement(row?.mfa_required),
    signingRoles: [...ctx.signingRoles],
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
  };
}

export interface SetSecurityPolicyInput {
  orgId: string;
  mfaRequired: MfaRequirement;
  /** The administrator who decides it. */
  actorId: string;
  reason?: string | null;
  /** The host's audit-trail entry of the change, in the same transaction. */
  inTransaction?: (trx: Parameters<InTransaction>[0], from: MfaRequirement) => Promise<void>;
}

/** Sets the organization's rule; users it newly covers enrol at their next sign-in. */
export async function setSecurityPolicy(
  ctx: AuthContext,
  input: SetSecurityPolicyInput,
): Promise<SecurityPolicy> {
  const now = ctx.clock();
  const from = await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('auth_security_policies')
      .select('mfa_required')
      .where('org_id', '=', input.orgId)
      .forUpdate()
      .executeTakeFirst();
    const values = { mfa_required: input.mfaRequired, updated_at: now, updated_by: input.actorId };
    await trx
      .insertInto('auth_security_policies')
      .values({ org_id: input.orgId, ...values })
      .onConflict((conflict) => conflict.column('org_id').doUpdateSet(values))
      .execute();
    const previous = asRequirement(before?.mfa_required);
    await input.inTransaction?.(trx, previous);
    return previous;
  });
  await emitSecurityEvent(ctx, {
    type: 'mfa_policy.changed',
    userId: input.actorId,
    orgId: input.orgId,
    from,
    to: input.mfaRequired,
    reason: input.reason ?? null,
    at: now,
  });
  return getSecurityPolicy(ctx, input.orgId);
}

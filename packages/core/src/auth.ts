/**
 * `@masetra/core/auth`: the contract of the reference server's own identity routes (sign-in,
 * sessions, account security, single sign-on) and their shapes. A host that embeds Masetra brings
 * its own authentication and never loads these, so they live outside the main entry, which is
 * what every browser embedding downloads; `@masetra/client`'s auth clients and the reference
 * server import them from here.
 */
export type { AccountSession, MfaRequirement, SecurityPolicy } from './contract/accountRoutes';
export {
  accountRoutes,
  accountSessionSchema,
  authenticatorStatusSchema,
  mfaRequirementSchema,
  securityPolicySchema,
} from './contract/accountRoutes';
export type { SessionUser, Tokens } from './contract/authRoutes';
export { authRoutes, sessionUserSchema, tokensSchema } from './contract/authRoutes';
export type { SsoOidcSettingsInput, SsoSettings } from './contract/ssoRoutes';
export { ssoOidcSettingsInputSchema, ssoRoleRuleSchema, ssoSettingsSchema } from './contract/ssoRoutes';

import { authRoutes } from '@masetra/core/auth';
import type { CreateOptions, RequestOptions, RouteBody, RouteResponse } from '../contractTypes';
import type { Transport } from '../internal/transport';

type Routes = typeof authRoutes;

/** Administration of the organization's users (reference server). */
export interface UsersClient {
  /** Everyone's id and name, for any signed-in user (to show names instead of ids). */
  directory(options?: RequestOptions): Promise<RouteResponse<Routes['userDirectory']>>;
  /** Every user with e-mail and roles; administrators only. */
  list(options?: RequestOptions): Promise<RouteResponse<Routes['listUsers']>>;
  /** Creates a user; the server e-mails them a single-use invitation link to choose their own password. */
  create(
    user: RouteBody<Routes['createUser']>,
    options?: CreateOptions,
  ): Promise<RouteResponse<Routes['createUser']>>;
  /** Changes name, roles or the active flag; deactivation ends the user's sessions at once. */
  update(
    id: string,
    changes: RouteBody<Routes['updateUser']>,
    options?: RequestOptions,
  ): Promise<RouteResponse<Routes['updateUser']>>;
  /**
   * Ends the user's sessions and current password at once; the server e-mails them a
   * single-use link, good for 30 minutes, to choose a new one. No administrator sees a password.
   */
  resetPassword(
    id: string,
    body?: RouteBody<Routes['resetPassword']>,
    options?: RequestOptions,
  ): Promise<RouteResponse<Routes['resetPassword']>>;
}

export function createUsersClient(send: Transport): UsersClient {
  return {
    directory: async (options) => (await send(authRoutes.userDirectory, options)).data,
    list: async (options) => (await send(authRoutes.listUsers, options)).data,
    create: async (body, options) => (await send(authRoutes.createUser, { ...options, body })).data,
    update: async (id, body, options) =>
      (await send(authRoutes.updateUser, { ...options, params: { id }, body })).data,
    resetPassword: async (id, body, options) =>
      (await send(authRoutes.resetPassword, { ...options, params: { id }, body: body ?? {} })).data,
  };
}

import { trainingRoutes } from '@masetra/core';
import type { CreateOptions, RequestOptions, RouteBody, RouteResponse } from '../contractTypes';
import type { Transport } from '../internal/transport';

/** Training on controlled documents (read and understood). */
export interface TrainingClient {
  /** The signed-in user's training tasks, open ones first, with open and overdue counts. */
  mine(options?: RequestOptions): Promise<RouteResponse<typeof trainingRoutes.myTraining>>;
  /** People × current effective documents: trained, due, overdue, not required. */
  matrix(options?: RequestOptions): Promise<RouteResponse<typeof trainingRoutes.trainingMatrix>>;
  /**
   * Acknowledges a task with an electronic signature "read and understood" (password, and the
   * user name on a session's first signature). An `idempotencyKey` makes a retry safe.
   */
  acknowledge(
    taskId: string,
    signature: RouteBody<typeof trainingRoutes.acknowledgeTraining>['signature'],
    options?: CreateOptions,
  ): Promise<RouteResponse<typeof trainingRoutes.acknowledgeTraining>>;
  /** Who must be trained on each document kind. */
  kindSettings(options?: RequestOptions): Promise<RouteResponse<typeof trainingRoutes.trainingKindSettings>>;
  /** Sets who must be trained on a document kind (administrators). */
  setKindSetting(
    documentKind: string,
    setting: RouteBody<typeof trainingRoutes.updateTrainingKindSetting>,
    options?: RequestOptions,
  ): Promise<RouteResponse<typeof trainingRoutes.updateTrainingKindSetting>>;
}

export function createTrainingClient(send: Transport): TrainingClient {
  return {
    mine: async (options) => (await send(trainingRoutes.myTraining, { ...options })).data,
    matrix: async (options) => (await send(trainingRoutes.trainingMatrix, { ...options })).data,
    acknowledge: async (taskId, signature, options) =>
      (
        await send(trainingRoutes.acknowledgeTraining, {
          ...options,
          params: { id: taskId },
          body: { signature },
        })
      ).data,
    kindSettings: async (options) => (await send(trainingRoutes.trainingKindSettings, { ...options })).data,
    setKindSetting: async (documentKind, setting, options) =>
      (
        await send(trainingRoutes.updateTrainingKindSetting, {
          ...options,
          params: { documentKind },
          body: setting,
        })
      ).data,
  };
}

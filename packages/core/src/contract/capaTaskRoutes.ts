import * as z from 'zod/mini';
import { myCapaTaskSchema } from '../capa/myTasks';
import { defineRoute } from './defineRoute';

/**
 * Routes of CAPA tasks across CAPAs. Served when the registry has the built-in `capa` type.
 * A list of its own rather than a filter of `GET /capas`: the answer is tasks, not CAPAs.
 */
export const capaTaskRoutes = {
  myCapaTasks: defineRoute({
    id: 'capaTasks.mine',
    kind: 'myCapaTasks',
    method: 'GET',
    path: '/capa-tasks/mine',
    summary: "The caller's open CAPA tasks across CAPAs not yet finished, soonest due first",
    tags: ['capas'],
    response: z.object({ items: z.array(myCapaTaskSchema) }),
    successStatus: 200,
    problems: [401],
  }),
};

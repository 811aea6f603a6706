// Masetra: the QMS's API under /qms, answered by the kit.
import { toNext } from '@masetra/server-kit/next';
import { qms } from '../../../lib/qms';

export const { GET, POST, PATCH, DELETE } = toNext(qms);
// Masetra: end.

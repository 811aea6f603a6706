import { join } from 'node:path';
import { type Response, Router } from 'express';

/**
 * The page a set-up link opens (`/setup#token=…`): a person chooses their own first password
 * there, through `POST /api/v1/auth/setup`. Served by the server itself, so a deployment
 * without the demo app still has it. `staticDir` is the app's `static/` folder.
 */
export function createSetupPage(staticDir: string): Router {
  const router = Router();
  const send = (file: string) => (_req: unknown, res: Response) => {
    res.set('cache-control', 'no-store');
    res.sendFile(join(staticDir, file));
  };
  router.get('/setup', send('setup.html'));
  router.get('/setup/setup.js', send('setup.js'));
  router.get('/setup/setup.css', send('setup.css'));
  return router;
}

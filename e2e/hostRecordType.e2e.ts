// A host's own record type on the generic screens, in a real browser: a server-kit handler with
// change control registered (PGlite), and a page of @masetra/react's RecordDetail with the host's
// own section. The state badge reads the host machine's tags; the action bar runs its lifecycle.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hostRegistry } from '../packages/fixtures/src/index';
import { toExpress } from '../packages/server-kit/src/adapters/express';
import { createQms } from '../packages/server-kit/src/index';
import { createTestStorage } from '../packages/server-kit/src/testing/index';
import { chromiumForFile, screenshot, watchForPageErrors } from './support/browser';

const browser = chromiumForFile();
const packages = (path: string) => fileURLToPath(new URL(`../packages/${path}`, import.meta.url));

/** Who the test server knows: the bearer token is the user id (the host's own auth, in one line). */
const principals = {
  olivia: { userId: 'olivia', displayName: 'Olivia Originator', orgId: 'org-a', roles: ['originator'] },
};

/** The page, bundled from source the way a host's bundler would take @masetra/react. */
async function bundlePage(): Promise<{ script: string; styles: string }> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./support/changeControlPage.tsx', import.meta.url))],
    bundle: true,
    write: false,
    outdir: '/bundle',
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    alias: {
      '@masetra/core': packages('core/src'),
      '@masetra/client': packages('client/src'),
      '@masetra/react': packages('react/src'),
      '@masetra/fixtures': packages('fixtures/src'),
    },
  });
  const output = (extension: string) =>
    result.outputFiles.find((file) => file.path.endsWith(extension))?.text ?? '';
  return { script: output('.js'), styles: output('.css') };
}

const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Change control</title>
<link rel="stylesheet" href="/page.css"><style>.host-root { min-height: 100vh }</style></head>
<body style="margin:0"><div id="root"></div><script type="module" src="/page.js"></script></body></html>`;

let server: Server;
let origin: string;
let closeStorage: () => Promise<void>;
let changeId: string;

beforeAll(async () => {
  const storage = await createTestStorage({ registry: hostRegistry, databaseUrl: '' });
  closeStorage = () => storage.close();
  const qms = createQms({
    storage,
    registry: hostRegistry,
    basePath: '/qms',
    authenticate: (request) => {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
      return principals[token as keyof typeof principals] ?? null;
    },
    verifySigner: () => ({ ok: false, code: 'invalid_credentials' }),
  });
  const created = await qms(
    new Request('http://host/qms/change-controls', {
      method: 'POST',
      headers: { authorization: 'Bearer olivia', 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Replace tablet press 2',
        justification: 'End of vendor support; the replacement press is qualified.',
        riskClass: 'high',
      }),
    }),
  );
  expect(created.status).toBe(201);
  changeId = ((await created.json()) as { id: string }).id;

  const page = await bundlePage();
  const kit = toExpress(qms);
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    const send = (type: string, body: string) => {
      response.writeHead(200, { 'content-type': type });
      response.end(body);
    };
    if (path.startsWith('/qms/')) {
      kit(request, response, (error?: unknown) => {
        response.writeHead(500);
        response.end(String(error));
      });
    } else if (path === '/page.js') send('text/javascript', page.script);
    else if (path === '/page.css') send('text/css', page.styles);
    else send('text/html', html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

async function openPage(theme = 'light') {
  const context = await browser().newContext({
    baseURL: origin,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors = watchForPageErrors(page);
  await page.goto(`/?id=${changeId}&theme=${theme}`);
  await page.getByRole('heading', { level: 2 }).waitFor();
  return { context, page, errors };
}

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server?.close(() => resolve());
    server?.closeAllConnections();
  });
  await closeStorage?.();
});

test('a host’s change control shows its own section, a badge from its tags, and moves through its lifecycle', async () => {
  const { context, page, errors } = await openPage();
  const heading = page.getByRole('heading', { level: 2 });
  expect((await heading.textContent())?.trim()).toMatch(/^CC-\d{4}-0001 Replace tablet press 2$/);

  // The host's section is a named region of the page, with a link to it in the page's navigation.
  const impact = page.getByRole('region', { name: 'Impact assessment' });
  await impact.waitFor();
  expect(await impact.getByText('End of vendor support').count()).toBe(1);
  const nav = page.getByRole('navigation', { name: 'Parts of this record' });
  expect(await nav.getByRole('link').allTextContents()).toEqual([
    'Details',
    'Impact assessment',
    'Links',
    'Traceability',
    'Electronic signatures',
    'Attachments',
    'Comments',
    'Audit trail',
  ]);

  const badge = page.locator('header .masetra-state-badge');
  expect(await badge.textContent()).toBe('Draft');
  expect(await badge.getAttribute('data-kind')).toBe('initial');
  const submit = page.getByRole('button', { name: 'Submit', exact: true });
  expect(await submit.getAttribute('aria-disabled')).toBeNull();
  await screenshot(page, 'change-control-draft');

  // The jump to the host's section lands below the sticky header, which stays in view.
  await nav.getByRole('link', { name: 'Audit trail' }).click();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Audit trail');
  expect(await nav.getByRole('link', { name: 'Audit trail' }).getAttribute('aria-current')).toBe('location');
  const headerBox = await page.locator('article > header').boundingBox();
  expect(headerBox?.y).toBe(0);
  await screenshot(page, 'change-control-scrolled');

  await submit.click();
  await page.waitForFunction(
    () => document.querySelector('header .masetra-state-badge')?.textContent === 'Review',
  );
  expect(await badge.getAttribute('data-kind')).toBe('approval');
  expect(await page.getByRole('button', { name: 'Submit', exact: true }).count()).toBe(0);
  await screenshot(page, 'change-control-review');

  expect(errors).toEqual([]);
  await context.close();
});

test('the sticky header is opaque in the dark and the brand theme, so the page scrolls under it unseen', async () => {
  // Each theme's surface colour (tokens.css): the header must paint it, not let the page through.
  const surfaces = { light: 'rgb(255, 255, 255)', dark: 'rgb(22, 27, 34)', brand: 'rgb(255, 255, 255)' };
  for (const [theme, surface] of Object.entries(surfaces)) {
    const { context, page, errors } = await openPage(theme);
    await page.getByRole('region', { name: 'Impact assessment' }).waitFor();
    const header = page.locator('article > header');
    expect(await header.evaluate((element) => getComputedStyle(element).position)).toBe('sticky');
    expect(await header.evaluate((element) => getComputedStyle(element).backgroundColor), theme).toBe(
      surface,
    );
    await screenshot(page, `change-control-${theme}`);
    await page.mouse.wheel(0, 600);
    await page.waitForFunction(() => (document.scrollingElement?.scrollTop ?? 0) > 0);
    expect((await header.boundingBox())?.y, `${theme}: header stays at the top`).toBe(0);
    await screenshot(page, `change-control-${theme}-scrolled`);
    expect(errors).toEqual([]);
    await context.close();
  }
});

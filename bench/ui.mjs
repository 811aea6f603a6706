/**
 * UI benchmark, in Chromium: the deviation table (@masetra/react's RecordTable) over 10,000
 * deviations served by the reference server — time to the first rendered row, and time to
 * scroll to the last (200 pages of 50 fetched as the table scrolls). Baseline: a bare page
 * that fetches the same pages of the same API and appends plain table rows
 * (ui/bareTablePage.js), measured the same way in the same browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { login } from './lib/api.mjs';
import { insertDeviations, seededAcme } from './lib/bulkDeviations.mjs';
import { openDirectDatabase } from './lib/directDatabase.mjs';
import { startReferenceServer } from './lib/referenceServerProcess.mjs';
import { figure } from './lib/results.mjs';
import { demoUsers } from './lib/seededData.mjs';
import { repoRoot } from './lib/workspace.mjs';

const ROWS = 10_000;
const RUNS = 2;
const CHROMIUM = '/usr/bin/chromium';
const reactDist = join(repoRoot, 'packages/react/dist/index.js');

/** Why the benchmark cannot run here, or null. */
function missing() {
  if (!existsSync(reactDist) || !readFileSync(reactDist, 'utf8').includes('RecordTable')) {
    return 'packages/react/dist has no RecordTable (build @masetra/react first)';
  }
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  return null;
}

/** The two pages as bundles: JavaScript and CSS, by name. */
async function bundlePages() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: {
      recordTable: join(repoRoot, 'bench/ui/recordTablePage.jsx'),
      bare: join(repoRoot, 'bench/ui/bareTablePage.js'),
    },
    bundle: true,
    write: false,
    outdir: '/bench-ui',
    format: 'esm',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // The pages import what @masetra/react imports, from beside it.
    nodePaths: [join(repoRoot, 'packages/react/node_modules')],
    alias: {
      '@masetra/react/styles.css': join(repoRoot, 'packages/react/dist/styles.css'),
      '@masetra/react': reactDist,
    },
    logLevel: 'silent',
  });
  return Object.fromEntries(
    result.outputFiles.map((file) => [file.path.replace('/bench-ui/', ''), file.contents]),
  );
}

/** Navigates to a page and measures: first row on screen, then every row loaded and the last on screen. */
async function measurePage(browser, origin, token, files, name) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  // Served on the API's own origin, so the page calls the API as the demo app does.
  await page.route(`${origin}/bench-ui/**`, (route) => {
    const file = new URL(route.request().url()).pathname.replace('/bench-ui/', '');
    if (file === 'index.html') {
      const css = files[`${name}.css`] ? `<link rel="stylesheet" href="/bench-ui/${name}.css">` : '';
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><head>${css}</head><body><div id="root"></div>
          <script>window.benchUi = { token: ${JSON.stringify(token)} };</script>
          <script type="module" src="/bench-ui/${name}.js"></script></body></html>`,
      });
    }
    const body = files[file];
    if (!body) return route.fulfill({ status: 404 });
    return route.fulfill({
      contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript',
      body: Buffer.from(body),
    });
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${origin}/bench-ui/index.html`);
    await page.waitForSelector('.bench-scroller [data-index="0"]', { timeout: 60_000 });
    const firstRowMs = await page.evaluate(() => performance.now());
    const scrolledMs = await page.evaluate(
      async ({ rows }) => {
        const started = performance.now();
        const scroller = document.querySelector('.bench-scroller');
        const table = scroller.querySelector('table');
        for (;;) {
          scroller.scrollTop = scroller.scrollHeight;
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const all = table.getAttribute('aria-rowcount') === String(rows + 1);
          if (all && scroller.querySelector(`[data-index="${rows - 1}"]`)) return performance.now() - started;
          if (performance.now() - started > 180_000)
            throw new Error('The table did not reach its last row in 180 s');
        }
      },
      { rows: ROWS },
    );
    if (errors.length > 0) throw new Error(`${name} page errors: ${errors.join('; ')}`);
    return { firstRowMs, scrolledMs };
  } finally {
    await context.close();
  }
}

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** @param {import('./run.mjs').BenchContext} context */
export async function run(context) {
  const reason = missing();
  if (reason) return { figures: [], skipped: [`ui: ${reason}`] };
  const backend = context.postgresUrl ? 'postgres' : 'pglite';
  const target = await context.freshDatabase(backend, 'ui');
  // Loaded before the server starts: PGlite is one process's.
  const db = await openDirectDatabase(target);
  try {
    const { orgId, ownerIds, seeded } = await seededAcme(db);
    // PGlite takes smaller statements.
    const chunk = backend === 'postgres' ? 50_000 : 2_000;
    await insertDeviations(db, { orgId, ownerIds, from: 1, to: ROWS - seeded, chunk });
    await db.query('ANALYZE deviations');
  } finally {
    await db.close();
  }

  const files = await bundlePages();
  const server = await startReferenceServer({
    ...target,
    jwtSecret: context.jwtSecret,
    logFile: join(target.dataDir, 'server.log'),
  });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const runs = { recordTable: [], bare: [] };
  try {
    const { accessToken } = await login(server.apiUrl, demoUsers.qa);
    for (let round = 0; round < RUNS; round += 1) {
      for (const name of ['recordTable', 'bare']) {
        runs[name].push(await measurePage(browser, server.origin, accessToken, files, name));
        context.log(`ui: ${name} run ${round + 1}: ${JSON.stringify(runs[name].at(-1))}`);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  const summary = (name, key) => mean(runs[name].map((measured) => measured[key]));
  return {
    figures: [
      figure({
        name: 'ui.record-table.first-row',
        unit: 'ms',
        value: summary('recordTable', 'firstRowMs'),
        baselineName: 'bare fetch + DOM page',
        baseline: summary('bare', 'firstRowMs'),
        details: {
          runs: runs.recordTable.map((measured) => measured.firstRowMs),
          baselineRuns: runs.bare.map((measured) => measured.firstRowMs),
        },
      }),
      figure({
        name: 'ui.record-table.scroll-to-end',
        unit: 'ms',
        value: summary('recordTable', 'scrolledMs'),
        baselineName: 'bare fetch + DOM page',
        baseline: summary('bare', 'scrolledMs'),
        details: {
          runs: runs.recordTable.map((measured) => measured.scrolledMs),
          baselineRuns: runs.bare.map((measured) => measured.scrolledMs),
        },
      }),
    ],
    notes: [
      `Chromium (${CHROMIUM}, headless), 1280×900; ${ROWS.toLocaleString('en-US')} deviations on ${backend} through the reference server; mean of ${RUNS} runs, each in a fresh browser context.`,
      'first-row: from navigation start to the first data row in the DOM (bundle load, React render, first page fetched and validated).',
      'scroll-to-end: from the first row to the last row on screen with every page loaded, scrolling to the bottom each animation frame (pages of 50 load as the table scrolls).',
      'Baseline: a page that fetches the same pages with fetch() and appends plain <tr> rows, measured the same way.',
    ],
  };
}

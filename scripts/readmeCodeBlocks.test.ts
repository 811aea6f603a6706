// Every TypeScript block of the package READMEs and of the main README's embedding section
// compiles against the built packages, imported by their published names: a README that
// drifts from the API fails here, not in a reader's editor.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { type CodeFile, mountLineCount, readmeCodeFiles } from './readmeCodeBlocks';

const root = fileURLToPath(new URL('..', import.meta.url));
const packageNames = ['core', 'client', 'server-kit', 'react'] as const;

/** Where the blocks' imports resolve: the published packages and what their examples use. */
const modules: Record<string, string> = {
  '@masetra/core': 'packages/core',
  '@masetra/client': 'packages/client',
  '@masetra/server-kit': 'packages/server-kit',
  '@masetra/react': 'packages/react',
  '@tanstack/react-query': 'packages/react/node_modules/@tanstack/react-query',
  '@types/react': 'packages/react/node_modules/@types/react',
  react: 'node_modules/react',
  express: 'packages/server-kit/node_modules/express',
  '@types/express': 'packages/server-kit/node_modules/@types/express',
};

const cacheDir = join(root, 'node_modules/.cache');
mkdirSync(cacheDir, { recursive: true });
const workDir = mkdtempSync(join(cacheDir, 'readme-blocks-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function readmes(): { readme: string; files: CodeFile[] }[] {
  return [
    ...packageNames.map((name) => join(root, 'packages', name, 'README.md')),
    join(root, 'README.md'),
  ].map((readme) => ({
    readme,
    files: readmeCodeFiles(
      readme,
      readme === join(root, 'README.md') ? 'Mount the server kit in your backend' : undefined,
    ),
  }));
}

it.each(packageNames)('@masetra/%s has a README with install, example, entry points and docs', (name) => {
  const readme = join(root, 'packages', name, 'README.md');
  const text = readFileSync(readme, 'utf8');
  for (const heading of ['## Install', '## Example', '## Entry points', '## Documentation']) {
    expect(text, `${relative(root, readme)} lacks "${heading}"`).toContain(`\n${heading}\n`);
  }
  expect(readmeCodeFiles(readme).length).toBeGreaterThan(0);
  const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')) as {
    files?: string[];
  };
  // npm packs a README whatever `files` says; naming it keeps the list honest about what ships.
  if (manifest.files) expect(manifest.files).toContain('README.md');
});

/** The files in which each host example mounts the kit, between `// Masetra:` comments. */
const mountFiles = {
  'express-host': ['src/server/main.ts'],
  'next-host': ['lib/qms.ts', 'instrumentation.ts', 'app/qms/[...path]/route.ts', 'next.config.ts'],
};

it.each(Object.entries(mountFiles))(
  'examples/%s says how many lines mount the kit, and they are fewer than 20',
  (example, files) => {
    const dir = join(root, 'examples', example);
    const count = mountLineCount(files.map((file) => join(dir, file)));
    expect(count).toBeLessThan(20);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain(
      `**Mounting the kit takes ${count} lines**`,
    );
  },
);

it('the TypeScript blocks of every README type-check against the built packages', async () => {
  const nodeModules = join(workDir, 'node_modules');
  for (const [name, path] of Object.entries(modules)) {
    const target = join(root, path);
    if (!existsSync(target)) throw new Error(`${name} is not installed at ${path}: run pnpm install.`);
    mkdirSync(dirname(join(nodeModules, name)), { recursive: true });
    symlinkSync(realpathSync(target), join(nodeModules, name), 'dir');
  }
  const written: { path: string; file: CodeFile }[] = [];
  for (const { readme, files } of readmes()) {
    expect(files.length, `${relative(root, readme)} has no TypeScript block`).toBeGreaterThan(0);
    for (const [index, file] of files.entries()) {
      const name = `${relative(root, readme).replaceAll(/[/.]/g, '_')}_${index + 1}.${file.extension}`;
      const path = join(workDir, name);
      // `export {}` makes a block without imports a module too, so top-level await is allowed.
      writeFileSync(path, `${file.text}export {};\n`);
      written.push({ path, file });
    }
  }
  writeFileSync(
    join(workDir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(root, 'tsconfig.base.json'),
      compilerOptions: {
        noEmit: true,
        declaration: false,
        types: ['node'],
        typeRoots: [join(root, 'node_modules/@types')],
      },
      files: written.map(({ path }) => path),
    }),
  );
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const result = await promisify(execFile)(process.execPath, [tsc, '-p', workDir, '--pretty', 'false'], {
    cwd: workDir,
  }).then(
    () => '',
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
  );
  // Each error at the README line it comes from.
  const errors = result
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const at = /^(.*)\((\d+),(\d+)\): (.*)$/.exec(line);
      const entry = at && written.find(({ path }) => path === join(workDir, at[1]!) || path === at[1]);
      if (!at || !entry) return line;
      const readmeLine = entry.file.readmeLines[Number(at[2]) - 1] ?? 0;
      return `${relative(root, entry.file.readme)}:${readmeLine}: ${at[4]}`;
    });
  expect(errors).toEqual([]);
}, 120_000);

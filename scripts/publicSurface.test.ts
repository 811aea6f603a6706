import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { publicSurface } from './publicSurface';

const packagesDir = fileURLToPath(new URL('../packages/', import.meta.url));

/** Each published package: every code subpath of its `exports` map → the source it is built from. */
const publishedPackages = {
  core: {
    '.': 'src/index.ts',
    './auth': 'src/auth.ts',
    './openapi': 'src/openapi/index.ts',
    './vocabulary': 'src/vocabulary/index.ts',
  },
  client: { '.': 'src/index.ts' },
  react: { '.': 'src/index.ts', './charts': 'src/charts/index.ts' },
  'server-kit': {
    '.': 'src/index.ts',
    './amqp': 'src/amqp/index.ts',
    './express': 'src/adapters/express.ts',
    './next': 'src/adapters/next.ts',
    './testing': 'src/testing/index.ts',
  },
};

// The public surface, types and subpaths included, is a decision: changing it must change
// this snapshot, visibly, in review. Each package's index.test.ts pins its runtime exports too.
it.each(Object.entries(publishedPackages))(
  '@masetra/%s exports exactly its public values, types and subpaths',
  (name, entries) => {
    expect(publicSurface(`${packagesDir}${name}`, entries)).toMatchSnapshot();
  },
);

/** What the global setup hands every fault test: where the seeded data to copy lives. */
export const DATABASE_PREFIX = 'masetra_faults';

export interface FaultsContext {
  /** A temporary folder for the run, removed at teardown. */
  workDir: string;
  /** Every server of the run signs tokens with it, so tokens outlive restarts. */
  jwtSecret: string;
  /** The main process, owner of the run's databases. */
  runId: number;
  /** A seeded PGlite data directory (MASETRA_DATA_DIR) to copy. */
  pgliteTemplate: string;
  /** A seeded template database, when TEST_DATABASE_URL is set. */
  postgres: { baseUrl: string; template: string } | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    faults: FaultsContext;
  }
}

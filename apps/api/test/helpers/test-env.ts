// The test run's own settings, read from the environment in this one place (the app's settings
// go through src/config.ts): the PostgreSQL server to run on, how loud the app may log, where
// the conformance line is written, and what a server the tests start inherits from the shell.

/** PostgreSQL server for the API tests; unset, they run on embedded PGlite. */
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

/** The app's LOG_LEVEL in tests: silent unless TEST_LOG_LEVEL asks (error shows 500s' causes). */
export const testLogLevel: string = process.env.TEST_LOG_LEVEL ?? 'silent';

/** A file the conformance run also writes its summary line to (CI collects it); unset, none. */
export const conformanceReportPath: string | undefined =
  process.env.CONFORMANCE_REPORT || undefined;

/** What a server the tests start as a child process inherits from the shell, and no more. */
export const shellEnv: { PATH: string; HOME: string } = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/tmp',
};

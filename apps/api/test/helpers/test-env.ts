// The test run's own settings, read from the environment in this one place (the app's settings
// go through src/config.ts): the PostgreSQL server to run on, and how loud the app may log.

/** PostgreSQL server for the API tests; unset, they run on embedded PGlite. */
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

/** The app's LOG_LEVEL in tests: silent unless TEST_LOG_LEVEL asks (error shows 500s' causes). */
export const testLogLevel: string = process.env.TEST_LOG_LEVEL ?? 'silent';

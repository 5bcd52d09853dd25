// `pnpm start`: builds what changed since the last build, then starts the API, which serves the
// built web client. Plain Node, no dependency: it must run on a fresh clone before anything is
// built.
//
// Each workspace package that has a build is fingerprinted from the size and modification time
// of its source files (tests, end-to-end tests and benchmarks left out) and the fingerprints of
// the packages it depends on; the fingerprint of the last successful build is kept in its dist/.
// A package whose fingerprint matches is not built again, so a second start goes straight to the
// server. `pnpm build` still builds everything.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Built in this order; each names the workspace packages its build reads. */
const PACKAGES = [
  { name: '@rba/domain', dir: 'packages/domain', what: 'the scorecard arithmetic', deps: [] },
  { name: '@rba/schema', dir: 'packages/schema', what: 'the API schemas', deps: [] },
  { name: '@rba/migrations', dir: 'migrations', what: 'the database migrations', deps: [] },
  {
    name: '@rba/api',
    dir: 'apps/api',
    what: 'the API server',
    deps: ['@rba/domain', '@rba/schema', '@rba/migrations'],
  },
  {
    name: '@rba/web',
    dir: 'apps/web',
    what: 'the web client',
    deps: ['@rba/domain', '@rba/schema'],
  },
];

/** Files every build reads besides its own: the lockfile (dependency versions) and base config. */
const SHARED_INPUTS = ['pnpm-lock.yaml', 'tsconfig.base.json', 'package.json'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'test', 'e2e', 'bench', 'coverage']);
const STAMP = '.build-fingerprint';

function listFiles(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) listFiles(full, out);
    } else if (entry.isFile() && !/\.test\.tsx?$/.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

function fingerprintOf(files, extra) {
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    const stat = statSync(file);
    hash.update(`${path.relative(root, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  for (const value of extra) hash.update(`${value}\n`);
  return hash.digest('hex');
}

function build(pkg) {
  const started = Date.now();
  process.stdout.write(`Building ${pkg.what} (${pkg.name})…\n`);
  const run = spawnSync('pnpm', ['--silent', '--filter', pkg.name, 'run', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (run.status !== 0) {
    process.stderr.write(`The build of ${pkg.name} failed (see above): not starting.\n`);
    process.exit(run.status ?? 1);
  }
  process.stdout.write(`  built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const checkStarted = Date.now();
const shared = SHARED_INPUTS.map((file) => path.join(root, file)).filter((file) =>
  existsSync(file),
);
const fingerprints = new Map();
let built = 0;
for (const pkg of PACKAGES) {
  const dir = path.join(root, pkg.dir);
  const fingerprint = fingerprintOf(
    [...listFiles(dir, []), ...shared],
    pkg.deps.map((dep) => fingerprints.get(dep)),
  );
  fingerprints.set(pkg.name, fingerprint);
  const stamp = path.join(dir, 'dist', STAMP);
  const last = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null;
  if (last === fingerprint) continue;
  build(pkg);
  writeFileSync(stamp, `${fingerprint}\n`);
  built++;
}
if (built === 0) {
  process.stdout.write(
    `Build up to date (checked in ${Date.now() - checkStarted} ms); starting the server…\n`,
  );
}

await import(pathToFileURL(path.join(root, 'apps/api/dist/server.js')).href);

// Starts the built API (which also serves the built web client) as a child process, black-box.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ApiServer {
  baseUrl: string;
  /** Everything the process wrote, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

export interface ApiServerOptions {
  adminEmail: string;
  adminPassword: string;
  /** Seed the demo collaborative on start (DEMO=true); an empty database otherwise. */
  demo?: boolean;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The API server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`GET ${url} did not answer 200 within ${timeoutMs / 1000} s:\n${output()}`);
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  // RBA_E2E_SERVER points the same test at another build of the server.
  const script = path.resolve(webDir, process.env.RBA_E2E_SERVER ?? '../api/dist/server.js');
  if (!existsSync(script)) {
    throw new Error(
      `The API server is not built (${script} is missing): build first with pnpm build`,
    );
  }
  if (!existsSync(path.join(webDir, 'dist/index.html'))) {
    throw new Error(
      'The web client is not built (apps/web/dist is missing): build first with pnpm build',
    );
  }

  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'rba-e2e-data-'));
  const { DATABASE_URL: _database, JWT_SECRET: _secret, ...inherited } = process.env;
  const child = spawn(process.execPath, [script], {
    cwd: webDir,
    env: {
      ...inherited,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_EMAIL: options.adminEmail,
      ADMIN_PASSWORD: options.adminPassword,
      DEMO: options.demo ? 'true' : 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const output = () => log.slice(-8_000);

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(killed);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(`${baseUrl}/readyz`, child, output, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, output, stop };
}

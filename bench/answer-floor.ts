// The floor under any endpoint that sends a given answer: the same body served by a bare
// node:http server in a process of its own, with no database, no authentication and no
// arithmetic — once with the bytes prebuilt (sending alone) and once with JSON.stringify of
// the same object on every request (what serializing and sending cost at least).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { httpTask, type Task } from './load.js';

const SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const [file, port] = process.argv.slice(1);
const body = JSON.parse(fs.readFileSync(file, 'utf8'));
const prebuilt = JSON.stringify(body);
http.createServer((req, res) => {
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(req.url === '/stringify' ? JSON.stringify(body) : prebuilt);
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\\n'));
`;

export interface AnswerFloor {
  /** The prebuilt bytes sent. */
  prebuilt: Task;
  /** JSON.stringify of the answer, then sent. */
  stringified: Task;
  close(): void;
}

/** Starts the bare server on `port` with `body`; resolves once it listens. */
export async function answerFloor(body: unknown, port: number): Promise<AnswerFloor> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rba-answer-floor-'));
  const file = path.join(dir, 'body.json');
  writeFileSync(file, JSON.stringify(body));
  const child: ChildProcess = spawn(process.execPath, ['-e', SERVER, file, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`answer floor server exited (${code})`)));
    child.stdout?.once('data', () => resolve());
  });
  const prebuilt = httpTask({ port, path: '/prebuilt' }, { connections: 1 });
  const stringified = httpTask({ port, path: '/stringify' }, { connections: 1 });
  return {
    prebuilt: prebuilt.task,
    stringified: stringified.task,
    close() {
      prebuilt.close();
      stringified.close();
      child.removeAllListeners('exit');
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

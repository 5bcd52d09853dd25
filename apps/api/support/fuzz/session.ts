// The fuzzer's callers: their tokens and cookies, and sending a request in process
// (app.inject) or over a real socket, with a timeout.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Caller, FuzzWorld } from './world.js';

export interface Sent {
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
  transportError?: string;
}

export class FuzzSession {
  readonly tokens: Partial<Record<Caller, string>> = {};
  readonly cookies: Partial<Record<Caller, string>> = {};
  private port = 0;

  constructor(
    readonly app: FastifyInstance,
    readonly world: FuzzWorld,
    readonly timeoutMs: number,
  ) {}

  async listen(): Promise<void> {
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    this.port = (this.app.server.address() as AddressInfo).port;
  }

  async login(who: Caller): Promise<void> {
    const u = this.world.users[who];
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email, password: u.password },
    });
    if (res.statusCode === 429) {
      // The fuzzer's own failed sign-ins count against this address: forget them (the login
      // counters are bookkeeping, outside the fingerprint) and sign in.
      await this.world.db.deleteFrom('rate_limits').execute();
      return this.login(who);
    }
    if (res.statusCode !== 200) throw new Error(`login of ${who}: ${res.statusCode} ${res.body}`);
    this.tokens[who] = (res.json() as { token: string }).token;
    this.keepCookies(who, res.headers['set-cookie']);
  }

  keepCookies(who: Caller, setCookie: string | string[] | undefined) {
    if (!setCookie) return;
    const list = Array.isArray(setCookie) ? setCookie : [setCookie];
    const jar = new Map(
      (this.cookies[who] ?? '')
        .split('; ')
        .filter(Boolean)
        .map((c) => [c.split('=')[0] as string, c] as const),
    );
    for (const c of list) {
      const pair = c.split(';')[0] ?? '';
      jar.set(pair.split('=')[0] as string, pair);
    }
    this.cookies[who] = [...jar.values()].join('; ');
  }

  /** Sends a request, in process or over the socket; never throws. */
  async send(r: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: Buffer;
    http: boolean;
  }): Promise<Sent> {
    const timeout = new Promise<Sent>((resolve) =>
      setTimeout(
        () => resolve({ status: -1, text: '', headers: {}, transportError: 'timeout' }),
        this.timeoutMs,
      ).unref(),
    );
    const attempt = r.http ? this.overHttp(r) : this.inProcess(r);
    return Promise.race([attempt, timeout]);
  }

  private async inProcess(r: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: Buffer;
  }): Promise<Sent> {
    try {
      const res = await this.app.inject({
        method: r.method as 'POST',
        url: r.url,
        headers: r.headers,
        ...(r.body !== undefined ? { payload: r.body } : {}),
      });
      return { status: res.statusCode, text: res.body, headers: res.headers as Sent['headers'] };
    } catch (err) {
      return { status: 0, text: '', headers: {}, transportError: String(err) };
    }
  }

  private overHttp(r: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: Buffer;
  }): Promise<Sent> {
    return new Promise((resolve) => {
      let req: http.ClientRequest;
      try {
        req = http.request(
          {
            host: '127.0.0.1',
            port: this.port,
            method: r.method,
            path: r.url,
            headers: {
              ...r.headers,
              ...(r.body !== undefined ? { 'content-length': String(r.body.length) } : {}),
            },
            agent: false,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                text: Buffer.concat(chunks).toString(),
                headers: res.headers,
              }),
            );
            res.on('error', (e) =>
              resolve({ status: 0, text: '', headers: {}, transportError: String(e) }),
            );
          },
        );
      } catch {
        // A header or path Node itself refuses to send: send it in process instead.
        resolve(this.inProcess(r));
        return;
      }
      req.on('error', (e) =>
        resolve({ status: 0, text: '', headers: {}, transportError: String(e) }),
      );
      if (r.body !== undefined) req.end(r.body);
      else req.end();
    });
  }
}

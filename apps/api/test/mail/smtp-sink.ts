// A real SMTP server in the test process (npm smtp-server), which keeps what it accepts, parsed
// (npm mailparser), and can refuse deliveries with a 4xx as a busy server would.
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  header(name: string): string | undefined;
}

export interface SmtpSink {
  url: string;
  /** Messages accepted, in order. */
  accepted: ReceivedMail[];
  /** How many deliveries were refused. */
  refused: number;
  /** Refuse the next `n` deliveries with `451 4.3.0 Try again later`. */
  refuseNext(n: number): void;
  /** The accepted messages sent to one address. */
  to(address: string): ReceivedMail[];
  clear(): void;
  close(): Promise<void>;
}

function received(parsed: ParsedMail, raw: string): ReceivedMail {
  const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
  // Headers as written (mailparser turns some, like List-Unsubscribe, into objects).
  const head = raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, ' ') ?? '';
  return {
    to: to?.value[0]?.address ?? '',
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    messageId: parsed.messageId ?? '',
    header(name) {
      const line = head
        .split(/\r?\n/)
        .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
      return line?.slice(name.length + 1).trim();
    },
  };
}

export async function startSmtpSink(): Promise<SmtpSink> {
  let refuse = 0;
  const sink: SmtpSink = {
    url: '',
    accepted: [],
    refused: 0,
    refuseNext(n) {
      refuse = n;
    },
    to(address) {
      return sink.accepted.filter((m) => m.to === address.toLowerCase());
    },
    clear() {
      sink.accepted.length = 0;
      sink.refused = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse--;
          sink.refused++;
          const err = Object.assign(new Error('Try again later'), { responseCode: 451 });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            sink.accepted.push(received(parsed, raw));
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  sink.url = `smtp://rba:secret@127.0.0.1:${port}`;
  return sink;
}

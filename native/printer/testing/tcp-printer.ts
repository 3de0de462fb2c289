/**
 * Test support: a TCP listener on 127.0.0.1 that plays an ESC/POS network
 * printer (port 9100 style). Each connection is one job; its bytes are kept as
 * they arrived. It answers the paper-sensor query (DLE EOT 4) like an Epson, and
 * can be told it is out of paper or to stay silent.
 */
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

export interface TcpPrinter {
  readonly port: number;
  /** tcp://127.0.0.1:PORT */
  readonly address: string;
  /** Completed jobs (the client closed its side), in arrival order. */
  readonly jobs: Buffer[];
  paperOut: boolean;
  answerStatus: boolean;
  /** Wait until at least `count` jobs have completed. */
  waitForJobs(count: number, timeoutMs?: number): Promise<Buffer[]>;
  /** Stop listening and drop open connections (the printer is switched off). */
  close(): Promise<void>;
}

const STATUS_REQUEST = Buffer.from([0x10, 0x04, 0x04]);
const PAPER_OK = 0x12;
const PAPER_END = 0x72;

export async function startTcpPrinter(options: { port?: number } = {}): Promise<TcpPrinter> {
  const jobs: Buffer[] = [];
  const sockets = new Set<Socket>();
  const waiters: Array<() => void> = [];
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // Real-time status requests are answered as they come, wherever they are.
      for (
        let at = chunk.indexOf(STATUS_REQUEST);
        at >= 0;
        at = chunk.indexOf(STATUS_REQUEST, at + 1)
      ) {
        if (printer.answerStatus)
          socket.write(Buffer.from([printer.paperOut ? PAPER_END : PAPER_OK]));
      }
    });
    socket.on('end', () => {
      jobs.push(Buffer.concat(chunks));
      socket.end();
      waiters.splice(0).forEach((w) => w());
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');

  const printer: TcpPrinter = {
    port: address.port,
    address: `tcp://127.0.0.1:${address.port}`,
    jobs,
    paperOut: false,
    answerStatus: true,
    async waitForJobs(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (jobs.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} print jobs, got ${jobs.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return jobs;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return printer;
}

/** A port on 127.0.0.1 that nothing listens on (taken and released at once). */
export async function freePort(): Promise<number> {
  const p = await startTcpPrinter();
  await p.close();
  return p.port;
}

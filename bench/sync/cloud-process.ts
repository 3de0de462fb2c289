/**
 * The cloud server in a process of its own, for the 50-till and the new-till
 * (sync-replica) benchmarks: a till's work should not share an event loop
 * with the server it talks to (in use they are two machines). Prints
 * "listening URL" and runs until SIGTERM.
 *
 *   cloud-process.ts DATABASE_URL
 *   cloud-process.ts DATA_DIR        (the embedded database, PGlite, in that folder)
 */
import { startCloudServer } from '../../cloud/server';

const where = process.argv[2];
if (!where) {
  process.stderr.write('usage: cloud-process.ts DATABASE_URL|DATA_DIR\n');
  process.exit(2);
}
const server = await startCloudServer({
  port: 0,
  ...(/^postgres(ql)?:/.test(where) ? { databaseUrl: where } : { dataDir: where }),
  // Fifty tills pair from one address here; each till's own limit stays the default.
  limits: { perAddress: { capacity: 1_000, refillPerSecond: 1_000 } },
});
process.stdout.write(`listening ${server.url}\n`);
process.on('SIGTERM', () => {
  void server.close().finally(() => process.exit(0));
});

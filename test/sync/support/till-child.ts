/**
 * Run by kill.test.ts as a till process of its own on a paired till's data
 * folder: it commits a member sale, says so, and (mode `push`) starts pushing
 * it; then it waits to be killed with SIGKILL, as a power cut would stop it.
 *
 *   till-child.ts DATA_DIR commit|push
 */
import { openTillService } from '../../../src/service';

const SYSTEM = { role: 'system', staffId: null } as const;

async function main(dataDir: string, mode: string): Promise<void> {
  const service = openTillService({ dataDir, sync: { background: false } });
  const { member } = await service.call(
    'member.enrol',
    { phone: '98765432', acceptTerms: true, profile: { firstName: 'Kari' } },
    SYSTEM,
  );
  const sale = await service.call(
    'sale.commit',
    {
      lines: [{ sku: 'grovbrod', quantity: 3 }],
      memberId: member.memberId,
      idempotencyKey: `killed-${mode}-1`,
      paymentMethod: 'card',
    },
    SYSTEM,
  );
  process.stdout.write(`committed ${sale.saleId} ${member.memberId}\n`);
  if (mode === 'push') {
    void service.sync.syncNow();
    process.stdout.write('pushing\n');
  }
  // Keep the process (and the open database) alive until the parent kills it.
  setInterval(() => undefined, 60_000);
}

const [dataDir, mode] = process.argv.slice(2);
if (!dataDir || (mode !== 'commit' && mode !== 'push')) {
  process.stderr.write('usage: till-child.ts DATA_DIR commit|push\n');
  process.exit(2);
}
main(dataDir, mode).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

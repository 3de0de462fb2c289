/**
 * Run by durability.test.ts in a separate process: commits a member sale on the
 * till in the given folder, prints "committed …" and then waits to be killed
 * (SIGKILL, as a power cut would stop it) without closing anything.
 */
import { openTillService } from './till-service';

const SYSTEM = { role: 'system', staffId: null } as const;

async function main(dataDir: string): Promise<void> {
  const service = openTillService({ dataDir });
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
      idempotencyKey: 'durability-sale-1',
      paymentMethod: 'card',
    },
    SYSTEM,
  );
  const points = sale.evaluation.effects?.pointsEarned ?? 0;
  process.stdout.write(`committed ${sale.saleId} ${member.memberId} ${points}\n`);
  // Keep the process (and the open database) alive until the parent kills it.
  setInterval(() => undefined, 60_000);
}

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: durability-child.ts DATA_DIR\n');
  process.exit(2);
}
main(dataDir).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

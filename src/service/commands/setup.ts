/**
 * The first run of a till on an empty store (`setup.status`, `setup.start`):
 * the first manager, and how the store starts: one of the templates (its
 * programme named after the store, its products, the receipt header with the
 * store's name) or the chain's cloud (paired, then pulled once: a chain with
 * staff keeps them, and their PINs log in here).
 *
 * A template's start is one unit of work. A pairing is network work that
 * cannot run inside the command's transaction: the command checks the till is
 * still unset in its own (empty) transaction, pairs and pulls after it
 * (`AfterCommit`; a pairing that fails has written nothing), and then writes
 * the manager in a unit of work of its own, checking again that nobody set the
 * till up meanwhile.
 */
import { msg } from '../../core/i18n';
import { programmeTemplate, startTemplates } from '../../core/templates';
import type { Text } from '../../core/i18n';
import { getSyncState, newSecretToken, staffById, SyncStateKeys } from '../../store';
import type { Readable } from '../../store';
import { addLoginDevice, knownLoginDevice } from '../../store/pin-throttle';
import { PairingError } from '../../sync';
import type { SetupResult, SetupStatus } from '../commands';
import { ServiceError } from '../commands';
import { conflict } from '../errors';
import { readReceiptHeader } from '../devices';
import { saveReceiptHeader } from '../devices/settings';
import { AfterCommit } from '../handler-types';
import type { CommandContext, Handlers, ReadContext, SyncPort } from '../handler-types';
import { hasActiveStaff, recordLogin, saveStaffMember, staffDetails } from '../staff';
import { pairingFailure } from '../sync-commands';

type LoggedIn = Extract<SetupResult, { loggedIn: true }>;

/** What a store can start from, as the first-run screen lists it. */
export function setupTemplates(): Array<{ id: string; name: Text; products: number }> {
  return startTemplates.map((t) => ({ id: t.id, name: t.name, products: t.catalogue.length }));
}

function isPaired(db: Readable): boolean {
  // The connection state is kept from pairing until unpairing (see sync-state.ts).
  return getSyncState(db, SyncStateKeys.connection) !== null;
}

function refuseIfSetUp(db: Readable): void {
  if (hasActiveStaff(db)) throw conflict('already_set_up', msg('setup.alreadySetUp'));
}

function syncOf(ctx: ReadContext): SyncPort {
  if (!ctx.sync)
    throw new ServiceError('sync_unavailable', msg('commands.syncNotRunning'), null, 503);
  return ctx.sync;
}

/**
 * The first manager, logged in as `session.login` would log them in: a session,
 * this device's token (a new one unless it logged in here before).
 */
function firstManager(
  ctx: CommandContext,
  manager: { name: string; pin: string },
  deviceToken: string | undefined,
): LoggedIn {
  const saved = saveStaffMember(
    ctx,
    { name: manager.name, role: 'manager', pin: manager.pin, active: true },
    null,
  );
  const staff = staffById(ctx.db, saved.staffId)!;
  recordLogin(ctx, staff);
  const known = deviceToken === undefined ? null : knownLoginDevice(ctx.db, deviceToken);
  const device = known === null ? newSecretToken() : deviceToken!;
  addLoginDevice(ctx.db, device, ctx.now);
  const sessionToken = ctx.sessions.open({ role: 'manager', staffId: staff.staffId });
  return {
    loggedIn: true,
    staffId: staff.staffId,
    name: staff.name,
    role: staff.role,
    sessionToken,
    deviceToken: device,
  };
}

/**
 * After the pairing: pull what the chain has, then either leave the till to
 * the chain's staff or make the chain's first manager. Its writes are one
 * transaction of their own (the command's has committed by now).
 */
async function joinChain(
  ctx: CommandContext,
  sync: SyncPort,
  manager: { name: string; pin: string },
  deviceToken: string | undefined,
): Promise<SetupResult> {
  const report = await sync.syncNow();
  if (!report.ok) {
    throw new ServiceError('chain_unreachable', msg('setup.chainUnreachable'), null, 503);
  }
  const chainName = sync.status().cloud?.chainName ?? '';
  // A unit of work of its own: the command's transaction ended before the pairing.
  const result = ctx.write((later): SetupResult => {
    const staff = chainStaff(later.db);
    if (staff > 0) return { loggedIn: false, chainName, staff };
    return firstManager(later, manager, deviceToken);
  });
  // The new manager's event goes to the chain now rather than at the next round.
  if (result.loggedIn) void sync.syncNow().catch(() => undefined);
  return result;
}

/** How many staff of the chain can log in at this till (after the pull). */
function chainStaff(db: Readable): number {
  return staffDetails(db).filter((s) => s.active).length;
}

export const setupHandlers: Handlers<'setup.status' | 'setup.start'> = {
  'setup.status': (_input, ctx): SetupStatus => ({
    needed: !hasActiveStaff(ctx.db),
    paired: isPaired(ctx.db),
    templates: setupTemplates(),
  }),

  'setup.start': ({ manager, start, deviceToken }, ctx) => {
    refuseIfSetUp(ctx.db);

    if (start.kind === 'template') {
      const template = programmeTemplate(start.templateId);
      if (!template) throw new Error(`the template ${start.templateId} is missing`);
      const result = firstManager(ctx, manager, deviceToken);
      const author = result.staffId;
      ctx.append([
        ctx.event('programme.saved', null, {
          programme: { ...template.programme, name: start.storeName },
          staffId: author,
          at: ctx.now,
        }),
        ctx.event('catalogue.saved', null, {
          products: template.catalogue,
          staffId: author,
          at: ctx.now,
        }),
      ]);
      saveReceiptHeader(ctx.db, { ...readReceiptHeader(ctx.db), storeName: start.storeName });
      ctx.notifyAfterCommit({ type: 'data', what: 'programme' });
      ctx.notifyAfterCommit({ type: 'data', what: 'catalogue' });
      return result;
    }

    const sync = syncOf(ctx);
    if (start.kind === 'paired') {
      if (!isPaired(ctx.db)) throw conflict('not_paired', msg('setup.notPaired'));
      return new AfterCommit(() => joinChain(ctx, sync, manager, deviceToken));
    }

    const { cloudUrl, storeCode, terminalName } = start;
    return new AfterCommit(async () => {
      try {
        await sync.pair(cloudUrl, storeCode, terminalName);
      } catch (error) {
        if (error instanceof PairingError) throw pairingFailure(error);
        throw error;
      }
      return joinChain(ctx, sync, manager, deviceToken);
    });
  },
};

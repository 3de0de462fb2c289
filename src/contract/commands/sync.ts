/** Sync with the chain’s cloud. */
import { z } from 'zod';
import { msg } from '../../core/i18n';
import { says } from '../../core/schema-messages';
import type { PairingInfo, SyncConflicts, SyncReport, SyncStatus, UnpairInfo } from '../sync';
import { command, returns } from './define';
import { typed } from './schemas';

export const syncCommands = {
  /** Sync: state, events waiting, last sync, last error, events refused and why, the cloud (no token). */
  'sync.status': command({
    input: z.object({}),
    output: returns<SyncStatus>(),
    role: 'cashier',
    access: 'read',
  }),

  /** Pair with the chain's cloud by its address and a store code (a paired till pairs again as itself). */
  'sync.pair': command({
    input: z.object({
      cloudUrl: typed(500).min(1, says(msg('contract.cloudUrl'))),
      storeCode: typed(32).min(1, says(msg('contract.storeCode'))),
      /** How the till is listed in the cloud; default the machine's name. */
      terminalName: typed(80).min(1).optional(),
    }),
    output: returns<PairingInfo>(),
    role: 'manager',
    access: 'write',
  }),

  /** Forget the pairing; refused while events wait for the cloud unless `force`. */
  'sync.unpair': command({
    input: z.object({ force: z.boolean().default(false) }),
    output: returns<UnpairInfo>(),
    role: 'manager',
    access: 'write',
  }),

  /** Push and pull now; answers the report (a failure is in it, not thrown). */
  'sync.now': command({
    input: z.object({}),
    output: returns<SyncReport>(),
    role: 'cashier',
    access: 'write',
  }),

  /** The cloud's conflicts for the chain and this till's own (duplicate phones and member numbers). */
  'sync.conflicts': command({
    input: z.object({}),
    output: returns<SyncConflicts>(),
    role: 'manager',
    access: 'read',
  }),
};

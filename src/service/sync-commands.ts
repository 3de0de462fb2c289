/**
 * The sync commands (a settings screen's): status, pairing and unpairing,
 * sync now, and the conflicts to show a manager. They reach the service's
 * SyncClient through the command context (`ctx.sync`), and do their network
 * work after the command's (empty) transaction: `AfterCommit`.
 */
import { msg } from '../core/i18n';
import { describeConflicts, PairingError } from '../sync';
import type { PairingErrorCode } from '../sync/problems';
import { ServiceError } from './commands';
import { AfterCommit } from './handler-types';
import type { Handlers, ReadContext, SyncPort } from './handler-types';

function clientOf(ctx: ReadContext): SyncPort {
  const client = ctx.sync;
  if (!client) {
    throw new ServiceError('sync_unavailable', msg('commands.syncNotRunning'), null, 503);
  }
  return client;
}

/** The HTTP status a pairing refusal answers with; the cloud's other refusals are 502. */
const PAIRING_STATUS: Partial<Record<PairingErrorCode, number>> = {
  invalid_cloud_url: 400,
  invalid_request: 400,
  store_code_not_found: 404,
  foreign_chain_data: 409,
  slots_exhausted: 409,
  pending_events: 409,
  unpaired: 409,
  cloud_unavailable: 503,
  rate_limited: 503,
  stopped: 503,
};

/**
 * A pairing or unpairing refusal as the cashier's screen shows it: the client's
 * words in both languages, its English detail as the message.
 */
export function pairingFailure(error: PairingError): ServiceError {
  // Used-up member-number blocks are the store code's chain's: the field to look at.
  const field = error.code === 'slots_exhausted' ? 'storeCode' : error.field;
  const status = PAIRING_STATUS[error.code] ?? 502;
  return new ServiceError(error.code, error.text, field, status, error.message);
}

async function orFailure<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PairingError) throw pairingFailure(error);
    throw error;
  }
}

export const syncHandlers: Handlers<
  'sync.status' | 'sync.pair' | 'sync.unpair' | 'sync.now' | 'sync.conflicts'
> = {
  'sync.status': (_input, ctx) => clientOf(ctx).status(),

  'sync.pair': ({ cloudUrl, storeCode, terminalName }, ctx) => {
    const client = clientOf(ctx);
    return new AfterCommit(() => orFailure(() => client.pair(cloudUrl, storeCode, terminalName)));
  },

  'sync.unpair': ({ force }, ctx) => {
    const client = clientOf(ctx);
    return new AfterCommit(() => orFailure(() => client.unpair({ force })));
  },

  'sync.now': (_input, ctx) => {
    const client = clientOf(ctx);
    return new AfterCommit(() => client.syncNow());
  },

  'sync.conflicts': (_input, ctx) => {
    const client = clientOf(ctx);
    return new AfterCommit(() => describeConflicts(ctx.db, client));
  },
};

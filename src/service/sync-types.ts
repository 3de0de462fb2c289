/** What the sync commands answer (src/service/sync-commands.ts): declared in the contract (src/contract/sync.ts). */
export type {
  CloudConflict,
  ConflictMember,
  PairingInfo,
  SyncConflicts,
  SyncReport,
  SyncStatus,
  TillConflict,
  UnpairInfo,
} from '../contract/sync';

/** The till's cloud sync client (see client.ts) and the wire protocol it speaks. */
export { SyncClient, PairingError } from './client';
export type {
  PairingInfo,
  RejectedEvent,
  JoinCall,
  RemoteLookup,
  SyncClientOptions,
  SyncReport,
  SyncState,
  SyncStatus,
  TillIdentity,
  UnpairInfo,
} from './client';
export type { MemberQuery } from './cloud-api';
export { CloudRefused, CloudUnavailable, checkCloudUrl } from './cloud-api';
export type { Conflict } from './protocol';
export { describeConflicts } from './conflicts';
export type { ConflictSource } from './conflicts';
export { SLOTS } from './protocol';
export { backoffDelay, retryDelay, DEFAULT_BACKOFF } from './backoff';
export type { BackoffSettings } from './backoff';
export { resolveSyncSettings, syncSettingsFromEnv } from './settings';
export type { SyncSettings } from './settings';
export type { DataKind } from './pull';

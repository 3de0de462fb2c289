/** What the sync commands answer (src/service/sync-commands.ts); part of the command map. */
import type { Text } from '../core/i18n';
import type { LocalConflictKind, LocalConflictMember } from '../store/sync-conflicts';
import type { Conflict } from '../sync';

export type { PairingInfo, SyncReport, SyncStatus, UnpairInfo } from '../sync';

/** A member named in a conflict, as far as this till knows them (null fields: not here yet). */
export type ConflictMember = LocalConflictMember;

/** A conflict the cloud lists for the chain (the engine's flag), with the member named. */
export interface CloudConflict {
  member: ConflictMember;
  flag: Conflict['flag'];
  firstSeenAt: number;
  lastSeenAt: number;
  /** What happened, for the manager. */
  text: Text;
}

/** Two live members sharing a phone, a member number or a QR token, as this till's store records it. */
export interface TillConflict {
  kind: LocalConflictKind;
  /** The phone (E.164), the member number or the QR token they share. */
  value: string;
  /** Earliest enrolment first: the member a lookup by `value` answers. */
  members: ConflictMember[];
  text: Text;
}

export interface SyncConflicts {
  cloud: {
    /** False when the till is not paired or the cloud did not answer (`reason` says which). */
    available: boolean;
    reason: Text | null;
    conflicts: CloudConflict[];
  };
  local: TillConflict[];
}

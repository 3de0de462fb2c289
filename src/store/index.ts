/** The till's local store: SQLite schema, the event log (one write door), projections, lookups. */
export { openDatabase, migrate, schemaVersion, DatabaseTooNewError, reading, readOnly } from './db';
export type { Readable, ReadDb } from './db';
export type { Db, OpenedDatabase } from './db';
export { LATEST_SCHEMA_VERSION, migrations } from './migrations';
export type { Migration } from './migrations';
export { appendEvents, appendWireEvents } from './append';
export type { AppendOptions, AppendResult, IncomingEvent, WireAppendResult } from './append';
export {
  memberEvents,
  latestMemberEvents,
  allEventsInOrder,
  getEvent,
  outbox,
  pendingCount,
  markPushed,
} from './event-log';
export type { EventOrigin, StoredEvent } from './event-log';
export { rebuildProjections, projectEvent } from './projections';
export { searchKey } from './projections/members';
export { inSavepoint, inTransaction } from './statements';
export { checkpointSoon, CHECKPOINT_EVERY } from './checkpoint';
export { keptPerRevision } from './config-revision';
export { memberSummaryColumns } from './projections/member-summary';
export type { MemberSummaryColumns } from './projections/member-summary';
export { HlcClock, observeHlc } from './hlc-clock';
export { newEventId, newQrToken, newSecretToken, QR_TOKEN_PATTERN } from './ids';
export {
  loadLedger,
  memberByPhone,
  memberByNumber,
  memberByQrToken,
  memberSummaryByPhone,
  memberSummaryByNumber,
  memberSummaryByQrToken,
  membersByName,
  allocateMemberNumber,
  terminalSlot,
  setTerminalSlot,
  MEMBERS_PER_SLOT,
} from './members';
export type { MemberSummaryRow } from './members';
export {
  saleById,
  saleByIdempotencyKey,
  saleFromCommitted,
  recentSales,
  memberSales,
} from './sales';
export type { StoredSale } from './sales';
export {
  allProducts,
  productBySku,
  productByBarcode,
  searchProducts,
  currentProgramme,
  programmeHlc,
  programmePublications,
} from './catalogue';
export type { StoredProgramme, StoredPublication } from './catalogue';
export {
  listStaff,
  staffById,
  staffByPin,
  staffWithPin,
  saveStaff,
  hasActiveStaff,
  activeManagerIds,
  storedPinHash,
  staffWithoutEvents,
  hasStaffEvents,
  recordLocalLogin,
} from './staff';
export type { StaffMember, StaffRole, StaffInput } from './staff';
export { hashPin, verifyPin } from './secrets';
export { getSetting, setSetting, nextCounter, SettingKeys } from './settings';
export { getSyncState, setSyncState, SyncStateKeys } from './sync-state';

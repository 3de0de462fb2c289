/** The till service: the only door to the till's data (see src/contract/commands/). */
export { openTillService, databasePath, DATABASE_FILE } from './till-service';
export { DEMO_STAFF } from './demo';
export { deviceOptionsFromEnv } from './devices';
export { DEMO_CHAIN_ID, DEMO_STORE_ID } from './terminal';
export type { TillService, TillServiceOptions, Notification } from './types';
export { ServiceError, CommandInputs, CommandRoles } from './commands';
export type * from './commands';

/**
 * Every migration, in order. Migration N (1-based) moves `PRAGMA user_version`
 * from N-1 to N. Never edit a released migration: add the next one.
 */
import { sql as init } from './001_init';
import { sql as memberSummary } from './002_member_summary';
import { sql as erasedMembers } from './003_erased_members';
import { sql as fewerSaleIndexes } from './004_fewer_sale_indexes';
import { sql as pinThrottle } from './005_pin_throttle';
import { sql as quarantine } from './006_quarantine';
import { sql as staffEvents } from './007_staff_events';
import { sql as memberBases } from './008_member_bases';
import { sql as dayFigures } from './009_day_figures';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: '001_init', sql: init },
  { version: 2, name: '002_member_summary', sql: memberSummary },
  { version: 3, name: '003_erased_members', sql: erasedMembers },
  { version: 4, name: '004_fewer_sale_indexes', sql: fewerSaleIndexes },
  { version: 5, name: '005_pin_throttle', sql: pinThrottle },
  { version: 6, name: '006_quarantine', sql: quarantine },
  { version: 7, name: '007_staff_events', sql: staffEvents },
  { version: 8, name: '008_member_bases', sql: memberBases },
  { version: 9, name: '009_day_figures', sql: dayFigures },
];

export const LATEST_SCHEMA_VERSION = migrations.length;

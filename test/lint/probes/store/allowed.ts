// probe: src/store/lint-probe.ts
// expect: nothing
import Database from 'better-sqlite3';
import { v7 } from 'uuid';
import { parseEvent } from '../core/events';

export { Database, v7, parseEvent };

// probe: src/host/lint-probe.test.ts
// expect: nothing
import Database from 'better-sqlite3';
import { describe } from 'vitest';
import { tempDir } from '../store/testing/temp-db';

export { Database, describe, tempDir };

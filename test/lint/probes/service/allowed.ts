// probe: src/service/commands/lint-probe.ts
// expect: nothing
import { z } from 'zod';
import { createHash } from 'node:crypto';
import { openDatabase } from '../../store/db';
import { SyncClient } from '../../sync/client';
import { PrintQueue } from '../../../native/printer/print-queue';

export { z, createHash, openDatabase, SyncClient, PrintQueue };

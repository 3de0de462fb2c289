/**
 * The back office's contract: its command map, the shapes it answers and its
 * refusals. Like the till's contract it imports src/core and zod only, so the
 * browser imports it by value (test/contract/backoffice.test.ts holds it to
 * that) and the cloud serves exactly what it declares.
 */
export * from './commands';
export * from './define';
export * from './errors';
export * from './schemas';
export * from './types';

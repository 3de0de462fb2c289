/**
 * The contract: the command map and the shapes the UI, the host, the Electron
 * preload and the back office share. Depends on src/core and zod only, so it
 * bundles for the browser (test/contract/browser.test.ts holds it to that).
 */
export * from './commands';
export * from './devices';
export * from './notifications';
export * from './printer-target';
export * from './sync';

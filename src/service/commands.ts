/**
 * The command declarations live in the contract (src/contract/commands/), importable
 * in the browser; re-exported here for the service's own files, with the
 * ServiceError the service throws (src/service/service-error.ts).
 */
export * from '../contract/commands';
export { ServiceError } from './service-error';

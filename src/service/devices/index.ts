/** The till's hardware inside the service: scanner, printer, print queue, receipts. */
export { DeviceManager } from './manager';
export type { DeviceHub, DeviceManagerDeps } from './manager';
export {
  deviceOptionsFromEnv,
  seedDemoReceiptHeader,
  readReceiptHeader,
  DEMO_RECEIPT_HEADER,
  DeviceSettingKeys,
  SCANNER_BAUD_RATES,
} from './settings';
export { queueSaleReceipt, queueReprint, queueTestPage, testPageDocument } from './receipts';
export type * from './types';

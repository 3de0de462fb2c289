// probe: src/contract/lint-probe.ts
// expect: lojal/layers:folder
import { sendToPrinter } from '../../native/printer/transport';

export const send = sendToPrinter;

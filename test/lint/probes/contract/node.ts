// probe: src/contract/lint-probe.ts
// expect: lojal/layers:node
import { connect } from 'node:net';

export const open = connect;

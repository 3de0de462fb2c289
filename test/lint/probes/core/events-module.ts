// probe: src/core/lint-probe.ts
// expect: lojal/layers:node
import { EventEmitter } from 'events';

export const bus = new EventEmitter();

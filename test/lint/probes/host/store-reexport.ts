// probe: src/host/lint-probe.ts
// expect: lojal/layers:folder
export * as store from '../store/db';

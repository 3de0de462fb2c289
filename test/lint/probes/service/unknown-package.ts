// probe: src/service/lint-probe.ts
// expect: lojal/layers:pkg
import express from 'express';

export { express };

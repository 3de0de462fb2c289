// probe: src/ui/lint-probe.ts
// expect: lojal/layers:folder
import type { TillService } from '../service/types';

export type Service = TillService;

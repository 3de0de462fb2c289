// probe: src/ui/lint-probe.ts
// expect: lojal/layers:folder
import { openTillService } from '../service/till-service';

export { openTillService };

// probe: src/ui/lint-probe.ts
// expect: lojal/layers:typesOnly
import { openTillService } from '../service/till-service';

export { openTillService };

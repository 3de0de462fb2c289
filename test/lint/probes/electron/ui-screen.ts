// probe: electron/lint-probe.ts
// expect: lojal/layers:folder
import { App } from '../src/ui/App';

export { App };

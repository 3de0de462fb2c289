// probe: src/backoffice/lint-probe.ts
// expect: lojal/layers:folder
import { liveSession } from '../../cloud/accounts/sessions';

export { liveSession };

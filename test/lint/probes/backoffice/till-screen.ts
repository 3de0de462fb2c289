// probe: src/backoffice/lint-probe.ts
// expect: lojal/layers:folder
import { LoginScreen } from '../ui/screens/LoginScreen';

export { LoginScreen };

// probe: src/backoffice/lint-probe.ts
// expect: lojal/layers:pkg
import { BrowserRouter } from 'react-router-dom';

export { BrowserRouter };

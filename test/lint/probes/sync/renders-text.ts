// probe: src/sync/lint-probe.ts
// expect: lojal/layers:folder
// Sync returns messages with their parameters; it does not render them.
import { renderAll } from '../i18n/render';

export const said = renderAll;

// probe: src/core/member/lint-probe.ts
// expect: lojal/layers:folder
// Core returns messages; rendering them is the edges' (src/i18n).
import { render } from '../../i18n/render';

export const said = render;

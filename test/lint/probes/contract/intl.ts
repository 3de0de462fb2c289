// probe: src/contract/lint-probe.ts
// expect: lojal/layers:pkg
import { IntlMessageFormat } from 'intl-messageformat';

export const format = IntlMessageFormat;

// probe: src/backoffice/lint-probe.ts
// expect: lojal/layers:folder
import type { SignedContext } from '../../cloud/backoffice/context';

export type Context = SignedContext;

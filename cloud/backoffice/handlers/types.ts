/**
 * Handlers typed by their declarations (src/contract/backoffice/commands.ts):
 * a public command's handler gets a PublicContext, every other one a
 * SignedContext with the session's account and scope. A declaration without
 * a handler (or a handler without a declaration) does not compile.
 */
import type {
  BoCommandName,
  BoOutputs,
  BoParsedInput,
  BoScopeOf,
} from '../../../src/contract/backoffice/commands';
import type { BoScope } from '../../../src/contract/backoffice/define';
import type { PublicContext, SignedContext } from '../context';

export type ContextOf<S extends BoScope> = S extends 'public' ? PublicContext : SignedContext;

export type BoHandler<N extends BoCommandName> = (
  input: BoParsedInput<N>,
  ctx: ContextOf<BoScopeOf<N>>,
) => Promise<BoOutputs[N]>;

export type BoHandlers = { readonly [N in BoCommandName]: BoHandler<N> };

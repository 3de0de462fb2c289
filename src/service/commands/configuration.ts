/** The programme and the catalogue: read by every till, saved by a manager as events that sync. */
import { allProducts } from '../../store';
import type { Handlers } from '../handler-types';
import { programmeTemplates } from '../../core/templates';

export const configurationHandlers: Handlers<
  'programme.get' | 'programme.save' | 'programme.templates' | 'catalogue.get' | 'catalogue.save'
> = {
  'programme.get': (_input, ctx) => ctx.programme(),

  'programme.save': ({ programme }, ctx) => {
    ctx.append([
      ctx.event('programme.saved', null, { programme, staffId: ctx.session.staffId, at: ctx.now }),
    ]);
    ctx.notifyAfterCommit({ type: 'data', what: 'programme' });
    return ctx.programme();
  },

  'programme.templates': () => programmeTemplates,

  'catalogue.get': (_input, ctx) => allProducts(ctx.db),

  'catalogue.save': ({ products }, ctx) => {
    ctx.append([
      ctx.event('catalogue.saved', null, { products, staffId: ctx.session.staffId, at: ctx.now }),
    ]);
    ctx.notifyAfterCommit({ type: 'data', what: 'catalogue' });
    return allProducts(ctx.db);
  },
};

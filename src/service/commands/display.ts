/**
 * The customer display: the till's latest `display.show` goes out as a
 * `display` notification once the command has committed (it writes nothing).
 * The service keeps no copy: the browser-mode host and the desktop shell each
 * keep the latest for their display windows (src/host/display-socket.ts).
 */
import type { Handlers } from '../handler-types';

export const displayHandlers: Handlers<'display.show'> = {
  'display.show': (state, ctx) => {
    ctx.notifyAfterCommit({ type: 'display', state });
    return { ok: true };
  },
};

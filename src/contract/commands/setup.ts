/** The first run of a till on an empty store: the first manager, then a template or the chain. */
import { z } from 'zod';
import { msg } from '../../core/i18n';
import { boundedText } from '../../core/limits';
import { says } from '../../core/schema-messages';
import { command, returns } from './define';
import { STAFF_PIN, typed } from './schemas';
import type { SetupResult, SetupStatus } from './types';

/** The templates a store can start from; `blank` has no products and a plain programme. */
export const SETUP_TEMPLATES = ['bakeri', 'dyrebutikk', 'klesbutikk', 'blank'] as const;

export const setupCommands = {
  /** Whether the first run is due, and the templates it offers. Asked before anyone logs in. */
  'setup.status': command({
    input: z.object({}),
    output: returns<SetupStatus>(),
    role: 'none',
    access: 'read',
    session: false,
  }),

  /**
   * The first run, in one step: the first manager (logged in by the answer) and how
   * the store starts. Refused (409 already_set_up) once the till has a staff member
   * who can log in, so it opens no door on a till in use. Pairing that fails writes
   * nothing; a chain that has staff already keeps them, and its PINs log in here.
   */
  'setup.start': command({
    input: z.object({
      manager: z.object({
        name: boundedText(80)
          .trim()
          .min(1, says(msg('contract.staffName'))),
        pin: z.string().regex(/^\d{4,8}$/, STAFF_PIN),
      }),
      start: z.discriminatedUnion('kind', [
        z.object({
          kind: z.literal('template'),
          templateId: z.enum(SETUP_TEMPLATES),
          storeName: typed(80)
            .trim()
            .min(1, says(msg('contract.storeName'))),
        }),
        z.object({
          kind: z.literal('pair'),
          cloudUrl: typed(500).min(1, says(msg('contract.cloudUrl'))),
          storeCode: typed(32).min(1, says(msg('contract.storeCode'))),
          terminalName: typed(80).min(1).optional(),
        }),
        /** A till paired already (its staff were all disabled or never there): the manager only. */
        z.object({ kind: z.literal('paired') }),
      ]),
      /** The token an earlier log-in gave this device, as with `session.login`. */
      deviceToken: z.string().min(1).max(100).optional(),
    }),
    output: returns<SetupResult>(),
    role: 'none',
    access: 'write',
    session: false,
  }),
};

/** A member’s data: export and erasure. */
import { z } from 'zod';
import { msg } from '../../core/i18n';
import { boundedId } from '../../core/limits';
import { says } from '../../core/schema-messages';
import { command, returns } from './define';

export const memberPrivacyCommands = {
  'member.export': command({
    input: z.object({ memberId: boundedId() }),
    output: returns<Record<string, unknown>>(),
    role: 'manager',
    access: 'write',
    rest: {
      method: 'GET',
      path: '/members/:id/export',
      request: { params: { id: 'memberId' }, body: 'none' },
    },
  }),

  'member.erase': command({
    input: z.object({
      memberId: boundedId(),
      confirm: z.literal(true, {
        message: says(msg('contract.confirmErasure')),
      }),
    }),
    output: returns<{ erased: true; memberId: string }>(),
    role: 'manager',
    access: 'write',
    rest: {
      method: 'DELETE',
      path: '/members/:id',
      request: {
        params: { id: 'memberId' },
        query: { confirm: { field: 'confirm', flag: true } },
        body: 'none',
      },
    },
  }),
};

// A writing command's handler may read and write: nothing here may fail.
import { memberByPhone, setSetting } from '../../../src/store';
import type { Handlers } from '../../../src/service/handler-types';
import { memberDetail, requireMember } from '../../../src/service/member-access';

export const probe: Handlers<'member.update'> = {
  'member.update': ({ memberId }, ctx) => {
    memberByPhone(ctx.db, '+4791234567');
    setSetting(ctx.db, 'storeName', 'x');
    ctx.append([]);
    return memberDetail(ctx, requireMember(ctx, memberId));
  },
};

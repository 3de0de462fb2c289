/**
 * Saved segments, their count, list and export (src/contract/backoffice/segments.ts
 * says who may do what): cloud/segments does the work.
 */
import { segmentExport, segmentMembersPage, countForBackoffice } from '../../segments/members';
import { deleteSegment, listSegments, saveSegment, viewSegment } from '../../segments/saved';
import type { SignedContext } from '../context';
import type { BoHandlers } from './types';

const asker = (ctx: SignedContext) => ({ accountId: ctx.account.accountId, scope: ctx.scope });

export const segmentHandlers = {
  'segment.list': async (_input, ctx) => listSegments(ctx.db, asker(ctx)),
  'segment.get': async ({ id }, ctx) => viewSegment(ctx.db, asker(ctx), id),
  'segment.save': async (input, ctx) => saveSegment(ctx.db, asker(ctx), input, ctx.now),
  'segment.delete': async ({ id }, ctx) => deleteSegment(ctx.db, asker(ctx), id),
  'segment.count': async ({ rule }, ctx) => countForBackoffice(ctx.db, ctx.scope, rule, ctx.now),
  'segment.members': async ({ rule, page }, ctx) =>
    segmentMembersPage(ctx.db, ctx.scope, rule, page, ctx.now),
  'segment.export': async ({ rule, name, locale }, ctx) =>
    segmentExport(ctx.db, ctx.scope, rule, name, locale, ctx.now),
} satisfies Pick<
  BoHandlers,
  | 'segment.list'
  | 'segment.get'
  | 'segment.save'
  | 'segment.delete'
  | 'segment.count'
  | 'segment.members'
  | 'segment.export'
>;

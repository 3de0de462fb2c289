/**
 * Members in from another system's CSV and out for Excel
 * (src/contract/backoffice/imports.ts says who may do what): cloud/imports does the work.
 */
import { exportMembers } from '../../imports/export';
import { dryRun, receivePart, runImport } from '../../imports/run';
import type { SignedContext } from '../context';
import type { BoHandlers } from './types';

const importer = (ctx: SignedContext) => ({
  chainId: ctx.scope.chainId,
  accountId: ctx.account.accountId,
});

export const importHandlers = {
  'imports.upload': async (input, ctx) => receivePart(importer(ctx), input, ctx.now),
  'imports.dryRun': async ({ uploadId, mapping, locale }, ctx) =>
    dryRun(ctx.db, importer(ctx), uploadId, mapping, locale, ctx.now),
  'imports.run': async ({ uploadId, mapping, from }, ctx) =>
    runImport(ctx.services.db, importer(ctx), uploadId, mapping, from, ctx.now),
  'members.exportList': async ({ locale }, ctx) =>
    exportMembers(ctx.db, ctx.scope, locale, ctx.now),
} satisfies Pick<
  BoHandlers,
  'imports.upload' | 'imports.dryRun' | 'imports.run' | 'members.exportList'
>;

/** Campaigns (src/contract/backoffice/campaigns.ts says who may do what): cloud/campaigns does the work. */
import {
  campaignPreview,
  campaignSettings,
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  scheduleCampaign,
  sendCampaign,
  setSmsPriceOre,
  updateCampaign,
} from '../../campaigns/campaigns';
import type { SignedContext } from '../context';
import type { BoHandlers } from './types';

const asker = (ctx: SignedContext) => ({ accountId: ctx.account.accountId, scope: ctx.scope });

export const campaignHandlers = {
  'campaign.list': async (_input, ctx) => listCampaigns(ctx.db, ctx.scope.chainId),
  'campaign.get': async ({ id }, ctx) => getCampaign(ctx.db, ctx.scope.chainId, id, ctx.now),
  'campaign.settings': async (_input, ctx) => campaignSettings(ctx.db, ctx.scope.chainId),
  'campaign.preview': async ({ segmentId, smsText }, ctx) =>
    campaignPreview(ctx.db, asker(ctx), segmentId, smsText, ctx.now),
  'campaign.create': async (input, ctx) => createCampaign(ctx.db, asker(ctx), input, ctx.now),
  'campaign.update': async ({ id, campaign }, ctx) =>
    updateCampaign(ctx.db, asker(ctx), id, campaign, ctx.now),
  'campaign.delete': async ({ id }, ctx) => deleteCampaign(ctx.db, asker(ctx), id),
  'campaign.send': async ({ id }, ctx) =>
    sendCampaign(
      ctx.db,
      asker(ctx),
      id,
      ctx.now,
      ctx.services.messagingChannels?.() ?? { sms: false, email: false },
    ),
  'campaign.schedule': async ({ id }, ctx) =>
    scheduleCampaign(
      ctx.db,
      asker(ctx),
      id,
      ctx.now,
      ctx.services.messagingChannels?.() ?? { sms: false, email: false },
    ),
  'campaign.setSmsPrice': async ({ smsPriceOre }, ctx) =>
    setSmsPriceOre(ctx.db, ctx.scope.chainId, smsPriceOre, ctx.now),
} satisfies Pick<
  BoHandlers,
  | 'campaign.list'
  | 'campaign.get'
  | 'campaign.settings'
  | 'campaign.preview'
  | 'campaign.create'
  | 'campaign.update'
  | 'campaign.delete'
  | 'campaign.send'
  | 'campaign.schedule'
  | 'campaign.setSmsPrice'
>;

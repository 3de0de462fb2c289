/** A draft changed (/campaigns/<id>?edit=1): the campaign form filled in with it. */
import { useEffect, useState } from 'react';
import type { BoCampaign } from '../../../contract/backoffice/campaigns';
import type { Shown } from '../../../core/i18n';
import { call, failureText } from '../../api';
import { Alert } from '../../components/Alert';
import { CampaignForm } from './CampaignForm';

export function CampaignEdit({ id }: { id: string }) {
  const [campaign, setCampaign] = useState<BoCampaign | null>(null);
  const [problem, setProblem] = useState<Shown | null>(null);
  useEffect(() => {
    let live = true;
    call('campaign.get', { id }).then(
      (answer) => live && setCampaign(answer),
      (error: unknown) => live && setProblem(failureText(error)),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (!campaign) return <Alert kind="error" shown={problem} />;
  return <CampaignForm editing={campaign} />;
}

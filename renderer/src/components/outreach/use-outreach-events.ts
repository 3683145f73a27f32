// Outreach views follow the events: a scheduledChanged or campaignUpdated carries what changed,
// so views apply it as it is; only after missed events (a gap in the sequence) do they fetch again.
import { useEffect, useRef } from 'react';
import type { CampaignRecipientView, CampaignView, ScheduledItemView } from '../../../../common/contract';
import { useAppStore } from '../../store/store-context';

/** Runs `reload` after events were missed (never on the first render: the view loads itself then). */
export function useOutreachResync(reload: () => void): void {
  const resync = useAppStore((s) => s.ui.outreachResync);
  const seen = useRef(resync);
  useEffect(() => {
    if (resync === seen.current) return;
    seen.current = resync;
    reload();
  }, [resync, reload]);
}

/** Calls `apply` with the items of each scheduledChanged for this conversation. */
export function useScheduledEvents(conversationId: number, apply: (items: ScheduledItemView[]) => void): void {
  const change = useAppStore((s) => s.ui.scheduled);
  // A change from before this view opened is older than what it fetches on opening.
  const applied = useRef<number | null>(change?.nonce ?? null);
  useEffect(() => {
    if (!change || change.conversationId !== conversationId || applied.current === change.nonce) return;
    applied.current = change.nonce;
    apply(change.items);
  }, [change, conversationId, apply]);
}

/** Calls `apply` with each campaignUpdated. */
export function useCampaignEvents(apply: (campaign: CampaignView, recipients: CampaignRecipientView[] | null) => void): void {
  const change = useAppStore((s) => s.ui.campaignChange);
  const applied = useRef<number | null>(change?.nonce ?? null);
  useEffect(() => {
    if (!change || applied.current === change.nonce) return;
    applied.current = change.nonce;
    apply(change.campaign, change.recipients);
  }, [change, apply]);
}

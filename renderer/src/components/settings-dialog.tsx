import { useAppStore } from '../store/store-context';
import { AccountSection } from './account-section';
import { ActivitySection } from './activity-section';
import { AssistantSection } from './assistant-section';
import { InboxesSection } from './inboxes-section';
import { KnowledgeSection } from './knowledge-section';
import { Modal } from './modal';
import { FollowUpSettingsSection } from './outreach/follow-up-settings-section';
import { PreferencesSection } from './preferences-section';
import { ReplyTemplatesSection } from './reply-templates-section';
import { TeamSection } from './team/team-section';

export function SettingsDialog() {
  const closeDialog = useAppStore((s) => s.closeDialog);
  return (
    <Modal title="Settings" onClose={closeDialog} wide>
      <AccountSection />
      <InboxesSection />
      <TeamSection />
      <PreferencesSection />
      <ReplyTemplatesSection />
      <FollowUpSettingsSection />
      <KnowledgeSection />
      <AssistantSection />
      <ActivitySection />
    </Modal>
  );
}

// The layout: banners, header, then navigation, the list (main) and the open conversation.
import { useWindowTitle } from '../hooks/use-window-title';
import { useAppStore } from '../store/store-context';
import { ApprovalQueueDialog } from './approval-queue';
import { ConversationList } from './conversation-list';
import { CampaignsDialog } from './outreach/campaigns-dialog';
import { DemoBanner } from './demo-banner';
import { RecoveredBanner } from './recovered-banner';
import { ReportsDialog } from './reports/reports-dialog';
import { Header } from './header';
import { HelpDialog } from './help-dialog';
import { ImportProgressBanner } from './import-progress';
import { ListToolbar } from './list-toolbar';
import { LiveRegions } from './live-regions';
import { SearchResults } from './search-results';
import { SettingsDialog } from './settings-dialog';
import { StartupNoticeBanner } from './startup-notice';
import { Sidebar } from './sidebar';
import { SnoozeDialog } from './snooze-dialog';
import { CollisionPrompt, TakeOverDialog } from './team/team-prompts';
import { ThreadPane } from './thread-pane';
import { TimeZoneBanner } from './time-zone-banner';

export function AppShell() {
  const searching = useAppStore((s) => s.search.submitted !== null);
  const dialog = useAppStore((s) => s.ui.dialog);
  const pane = useAppStore((s) => (s.thread.conversationId !== null ? s.ui.pane : 'list'));
  const navOpen = useAppStore((s) => s.ui.navOpen);
  const setNavOpen = useAppStore((s) => s.setNavOpen);
  useWindowTitle();
  return (
    <div className={`app app--pane-${pane}${navOpen ? ' app--nav-open' : ''}`}>
      <RecoveredBanner />
      <StartupNoticeBanner />
      <DemoBanner />
      <TimeZoneBanner />
      <ImportProgressBanner />
      <Header />
      <div className="panes">
        <Sidebar />
        {navOpen ? <div className="nav-backdrop" aria-hidden="true" onClick={() => setNavOpen(false)} /> : null}
        <main className="list-pane" aria-label={searching ? 'Search results' : 'Conversations'}>
          <ListToolbar />
          {searching ? <SearchResults /> : <ConversationList />}
        </main>
        <ThreadPane />
      </div>
      <LiveRegions />
      {dialog === 'settings' ? <SettingsDialog /> : null}
      {dialog === 'help' ? <HelpDialog /> : null}
      {dialog === 'campaigns' ? <CampaignsDialog /> : null}
      {dialog === 'queue' ? <ApprovalQueueDialog /> : null}
      {dialog === 'reports' ? <ReportsDialog /> : null}
      {dialog === 'snooze' ? <SnoozeDialog /> : null}
      <TakeOverDialog />
      <CollisionPrompt />
    </div>
  );
}

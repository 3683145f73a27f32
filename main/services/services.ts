// The services of one running core, by feature. The IPC adapter (main/ipc/handlers.ts), the
// shell, the tray and notifications all use these; none of them reaches the database directly.
import type { AccountService } from './account-service';
import type { AssistantService } from './assistant/assistant-service';
import type { ConversationService } from './conversation-service';
import type { OutreachService } from '../outreach/outreach-service';
import type { ReplyService } from './reply-service';
import type { ReportService } from './reports/report-service';
import type { SearchService } from './search-service';
import type { SettingsService } from './settings-service';
import type { SyncControl } from './sync-control';
import type { TeamService } from './team-service';

export interface Services {
  account: AccountService;
  assistant: AssistantService;
  conversations: ConversationService;
  /** Scheduled texts, reminders, campaigns, waiting rules, and the outbox every text goes through. */
  outreach: OutreachService;
  replies: ReplyService;
  /** Response times (alone: this desk's database; in team mode: the team store). */
  reports: ReportService;
  search: SearchService;
  settings: SettingsService;
  sync: SyncControl;
  /** Team mode: me, notes, assignment, presence, collisions, the link to the team store. */
  team: TeamService;
}

// The services of one running core, by feature. The IPC adapter (main/ipc/handlers.ts), the
// shell, the tray and notifications all use these; none of them reaches the database directly.
import type { AccountService } from './account-service';
import type { ConversationService } from './conversation-service';
import type { ReplyService } from './reply-service';
import type { SearchService } from './search-service';
import type { SettingsService } from './settings-service';
import type { SyncControl } from './sync-control';

export interface Services {
  account: AccountService;
  conversations: ConversationService;
  replies: ReplyService;
  search: SearchService;
  settings: SettingsService;
  sync: SyncControl;
}

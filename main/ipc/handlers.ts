// The IPC adapter: one line per contract channel, from its (already parsed) arguments to a
// service method. Arguments are validated before this by `dispatch`; nothing here decides
// anything.
import { campaignSchema, type Handlers, type StartupNotice } from '../../common/contract';
import type { Services } from '../services/services';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
}

export interface HandlerContext {
  appInfo: AppInfo;
  startupNotice: StartupNotice | null;
  /**
   * Runs a request that writes the inbox's database in the main connection's write turn, waited
   * for without blocking the main thread while the sync worker writes (FrontdeskDb.inWriteTurn).
   */
  inWriteTurn: <T>(work: () => T | Promise<T>) => Promise<T>;
}

export function createHandlers(s: Services, app: HandlerContext): Handlers {
  const { conversations, replies, sync, account, settings, outreach, assistant, team } = s;
  // Services answer synchronously where they can; the contract is asynchronous throughout.
  const later = async <T>(work: () => T | Promise<T>): Promise<T> => work();
  // A request that writes waits for its turn without holding the event loop (a request that
  // writes through `later` is still correct: its write waits, blocking, for one worker
  // transaction at most). Only the synchronous part of `work` runs in the turn.
  const write = app.inWriteTurn;
  return {
    appInfo: () => later(() => app.appInfo),
    getStartupNotice: () => later(() => ({ notice: app.startupNotice })),

    listConversations: (args) => later(() => conversations.list(args)),
    getConversation: ({ conversationId }) => later(() => conversations.get(conversationId)),
    getCounts: ({ ownerId }) => later(() => conversations.counts(ownerId)),
    listMessages: (args) => later(() => conversations.messages(args)),
    markRead: ({ conversationId }) => write(() => conversations.markRead(conversationId)),
    markUnread: ({ conversationId, messageId }) => write(() => conversations.markUnread(conversationId, messageId)),
    setStatus: ({ conversationId, ...change }) => write(() => conversations.setStatus(conversationId, change)),
    setTags: ({ conversationId, tags }) => write(() => conversations.setTags(conversationId, tags)),
    fetchHistory: ({ conversationId }) => conversations.fetchHistory(conversationId),
    markHandled: ({ conversationId }) => write(() => conversations.markHandled(conversationId)),
    restoreHandled: ({ conversationId, handledAt }) => write(() => conversations.restoreHandled(conversationId, handledAt)),

    search: (args) => later(() => s.search.search(args)),
    searchPeople: (args) => later(() => s.search.searchPeople(args)),

    suggestReplies: ({ conversationId }) => later(() => ({ suggestions: replies.suggest(conversationId) })),
    listReplyTemplates: () => later(() => ({ templates: replies.templates() })),
    setReplyTemplate: ({ id, text }) => later(() => ({ templates: replies.setTemplate(id, text) })),
    sendReply: (args) => replies.send(args),

    getKnowledge: () => later(() => assistant.getKnowledge()),
    saveKnowledge: ({ knowledge }) => later(() => assistant.saveKnowledge(knowledge)),
    exportKnowledge: () => later(() => assistant.exportKnowledge()),
    importKnowledge: ({ content }) => later(() => assistant.importKnowledge(content)),
    getAssistant: () => assistant.getState(),
    setAssistant: ({ settings: next }) => later(() => assistant.setSettings(next)),
    setAssistantApiKey: ({ apiKey }) => later(() => assistant.setApiKey(apiKey)),
    draftReply: ({ conversationId, requestId }) => assistant.draftForComposer(conversationId, requestId),
    openDraft: ({ conversationId }) => write(() => ({ draft: assistant.openDraft(conversationId) })),
    listApprovalQueue: () => later(() => ({ items: assistant.listQueue() })),
    decideDraft: (args) => assistant.decideDraft(args),
    approveDrafts: ({ draftIds }) => assistant.approveMany(draftIds),
    listActions: (args) => later(() => ({ items: assistant.listActions(args) })),
    exportActionLog: () => later(() => assistant.exportActionLog()),
    getReport: ({ days }) => s.reports.report(days),
    exportReportCsv: ({ days }) => s.reports.exportCsv(days),

    syncNow: ({ ownerId }) => later(() => sync.syncNow(ownerId)),
    getSyncStatus: () => later(() => sync.status()),
    startPolling: () => later(() => sync.startPolling()),
    stopPolling: () => sync.stopPolling(),
    setPollInterval: ({ seconds }) => later(() => sync.setPollInterval(seconds)),
    listOwners: () => later(() => sync.owners()),
    addOwner: (args) => sync.addOwner(args),
    removeOwner: ({ ownerId }) =>
      later(() => {
        sync.removeOwner(ownerId);
        return { ok: true as const };
      }),

    getSettings: () => later(() => settings.get()),
    setSettings: (change) => later(() => settings.update(change)),

    getAccount: () => later(() => account.account()),
    signIn: (args) => account.signIn(args),
    signOut: () => account.signOut(),
    setClubTimeZone: ({ timeZone }) => account.setClubTimeZone(timeZone),

    // Outreach answers in the contract's shapes already (its views are built in the service).
    scheduleSend: (args) => write(() => outreach.handlers.scheduleSend(args)),
    scheduleReminder: (args) => write(() => outreach.handlers.scheduleReminder(args)),
    listScheduled: (args) => outreach.handlers.listScheduled(args),
    cancelScheduled: (args) => write(() => outreach.handlers.cancelScheduled(args)),
    confirmScheduled: (args) => write(() => outreach.handlers.confirmScheduled(args)),
    searchMembers: (args) => outreach.handlers.searchMembers(args),
    listMergeFields: (args) => outreach.handlers.listMergeFields(args),
    createCampaign: (args) => outreach.handlers.createCampaign(args),
    updateCampaignText: (args) => write(() => outreach.handlers.updateCampaignText(args)),
    listCampaigns: (args) => outreach.handlers.listCampaigns(args),
    getCampaign: (args) => outreach.handlers.getCampaign(args),
    approveCampaign: (args) => write(() => outreach.handlers.approveCampaign(args)),
    pauseCampaign: (args) => write(() => outreach.handlers.pauseCampaign(args)),
    resumeCampaign: (args) => write(() => outreach.handlers.resumeCampaign(args)),
    cancelCampaign: (args) => write(() => outreach.handlers.cancelCampaign(args)),
    getOutreachSettings: (args) => outreach.handlers.getOutreachSettings(args),
    setOutreachSettings: (args) => outreach.handlers.setOutreachSettings(args),

    getTeam: () => later(() => team.status()),
    setTeam: ({ connectionString }) => team.configure(connectionString),
    testTeamConnection: ({ connectionString }) => team.test(connectionString),
    setStaffName: ({ name }) => later(() => team.setStaffName(name)),
    listStaff: async () => ({ staff: await team.staff() }),
    addNote: ({ conversationId, body }) => write(() => team.addNote(conversationId, body)),
    listNotes: ({ conversationId }) => later(() => ({ items: team.notes(conversationId) })),
    assignConversation: ({ conversationId, to, takeOver }) => team.assign(conversationId, to, takeOver ?? false),
    setPresence: ({ conversationId, state }) =>
      write(() => {
        team.setPresence(conversationId, state);
        return { ok: true as const };
      }),
    getConversationTeam: ({ conversationId }) => later(() => team.conversationTeam(conversationId)),
    checkCollision: ({ conversationId }) => later(() => ({ collision: team.collision(conversationId) })),
    listTeamCampaigns: () =>
      later(() => ({
        // A campaign a newer desk describes differently is left out rather than shown wrong.
        items: team.teamCampaigns().flatMap((entry) => {
          const parsed = campaignSchema.safeParse(entry.campaign);
          return parsed.success ? [{ deskId: entry.deskId, staff: entry.staff, campaign: parsed.data, updatedAt: entry.updatedAt }] : [];
        }),
      })),
  };
}

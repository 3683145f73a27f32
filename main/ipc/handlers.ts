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

export function createHandlers(s: Services, app: { appInfo: AppInfo; startupNotice: StartupNotice | null }): Handlers {
  const { conversations, replies, sync, account, settings, outreach, assistant, team } = s;
  // Services answer synchronously where they can; the contract is asynchronous throughout.
  const later = async <T>(work: () => T | Promise<T>): Promise<T> => work();
  return {
    appInfo: () => later(() => app.appInfo),
    getStartupNotice: () => later(() => ({ notice: app.startupNotice })),

    listConversations: (args) => later(() => conversations.list(args)),
    getConversation: ({ conversationId }) => later(() => conversations.get(conversationId)),
    getCounts: ({ ownerId }) => later(() => conversations.counts(ownerId)),
    listMessages: (args) => later(() => conversations.messages(args)),
    markRead: ({ conversationId }) => later(() => conversations.markRead(conversationId)),
    markUnread: ({ conversationId, messageId }) => later(() => conversations.markUnread(conversationId, messageId)),
    setStatus: ({ conversationId, ...change }) => later(() => conversations.setStatus(conversationId, change)),
    setTags: ({ conversationId, tags }) => later(() => conversations.setTags(conversationId, tags)),
    fetchHistory: ({ conversationId }) => conversations.fetchHistory(conversationId),
    markHandled: ({ conversationId }) => later(() => conversations.markHandled(conversationId)),
    restoreHandled: ({ conversationId, handledAt }) => later(() => conversations.restoreHandled(conversationId, handledAt)),

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
    openDraft: ({ conversationId }) => later(() => ({ draft: assistant.openDraft(conversationId) })),
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
    scheduleSend: (args) => outreach.handlers.scheduleSend(args),
    scheduleReminder: (args) => outreach.handlers.scheduleReminder(args),
    listScheduled: (args) => outreach.handlers.listScheduled(args),
    cancelScheduled: (args) => outreach.handlers.cancelScheduled(args),
    confirmScheduled: (args) => outreach.handlers.confirmScheduled(args),
    searchMembers: (args) => outreach.handlers.searchMembers(args),
    listMergeFields: (args) => outreach.handlers.listMergeFields(args),
    createCampaign: (args) => outreach.handlers.createCampaign(args),
    updateCampaignText: (args) => outreach.handlers.updateCampaignText(args),
    listCampaigns: (args) => outreach.handlers.listCampaigns(args),
    getCampaign: (args) => outreach.handlers.getCampaign(args),
    approveCampaign: (args) => outreach.handlers.approveCampaign(args),
    pauseCampaign: (args) => outreach.handlers.pauseCampaign(args),
    resumeCampaign: (args) => outreach.handlers.resumeCampaign(args),
    cancelCampaign: (args) => outreach.handlers.cancelCampaign(args),
    getOutreachSettings: (args) => outreach.handlers.getOutreachSettings(args),
    setOutreachSettings: (args) => outreach.handlers.setOutreachSettings(args),

    getTeam: () => later(() => team.status()),
    setTeam: ({ connectionString }) => team.configure(connectionString),
    testTeamConnection: ({ connectionString }) => team.test(connectionString),
    setStaffName: ({ name }) => later(() => team.setStaffName(name)),
    listStaff: async () => ({ staff: await team.staff() }),
    addNote: ({ conversationId, body }) => later(() => team.addNote(conversationId, body)),
    listNotes: ({ conversationId }) => later(() => ({ items: team.notes(conversationId) })),
    assignConversation: ({ conversationId, to, takeOver }) => team.assign(conversationId, to, takeOver ?? false),
    setPresence: ({ conversationId, state }) =>
      later(() => {
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

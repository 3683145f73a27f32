// `GET /action/Dashboard/view`: the embedded club context JSON, the owner select and the empty
// messages widget the inbox fragment fills (MARKUP.md, Dashboard).
import { escapeHtml, jsonForScript } from './escape-html';
import { renderPage } from './render-page';
import type { Roster, StaffRecord } from './roster';

export interface DashboardView {
  roster: Roster;
  timeZone: string;
  user: StaffRecord;
  /** The owner whose inbox the widget shows (the remembered one, else the user). */
  selectedOwnerId: string;
  messageCount: number;
}

export function renderDashboard(view: DashboardView): string {
  const { roster, user } = view;
  const location = roster.locations[0];
  const data = {
    loggedInUserId: user.id,
    actingUser: { id: user.id, name: user.name, clubId: roster.clubId, role: user.role },
    clubLocationId: location?.id ?? '',
    timeZoneId: view.timeZone,
    clubLocationList: roster.locations.map((l) => ({ id: l.id, name: l.name, defaultSalesPersonId: l.defaultSalesPersonId })),
    clubEmployeesList: roster.staff.map((s) => ({ id: s.id, name: s.name })),
  };
  const option = (value: string, text: string): string =>
    `<option value="${escapeHtml(value)}"${value === view.selectedOwnerId ? ' selected' : ''}>${escapeHtml(text)}</option>`;
  const locationOptions = roster.locations.map((l) => `      ${option(l.id, l.name)}`).join('\n');
  const employeeOptions = [
    `      ${option(user.id, 'My Messages')}`,
    ...roster.staff.filter((s) => s.id !== user.id).map((s) => `      ${option(s.id, s.name)}`),
  ].join('\n');

  return renderPage(
    'Dashboard',
    `<div id="header"><span class="user-name">${escapeHtml(user.name)}</span> <a href="/action/Logout">Log out</a></div>
<script type="text/javascript">
  window.recentLeadsListViewData = ${jsonForScript(data)};
</script>
<div class="dashboard-widget messages-widget">
  <div class="widget-header">
    <h2>Messages <span id="message-count" class="badge">${view.messageCount}</span></h2>
    <a id="refresh-messages" href="#" title="Refresh"><i class="icon-refresh"></i></a>
    <a id="clear-messages" href="#">Clear all</a>
    <select id="messages-owner-select">
    <optgroup label="Club Messages">
${locationOptions}
    </optgroup>
    <optgroup label="Employee Messages">
${employeeOptions}
    </optgroup>
    </select>
  </div>
  <div id="message-list"></div>
</div>`,
  );
}

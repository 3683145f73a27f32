// `GET /action/Dashboard/view` in the structure of the captured dashboard (MARKUP.md, Dashboard):
// the page chrome (e-mail form, FollowUp popup shell, quick search), a view-data object, and the
// messages widget the inbox fragment fills. Which view-data object it carries, and whether it
// names a zone and a location, depends on the dashboard shape, as on real ClubOS.
import { escapeHtml, jsonForScript } from './escape-html';
import { renderPopups, renderQuickSearch } from './render-chrome';
import { renderPage } from './render-page';
import type { LocationRecord, Roster, StaffRecord } from './roster';
import { roleObject, staffRole } from './sim-roles';
import type { DashboardShape } from './types';

type Tokens = { sourcePage: string; fp: string };

export interface DashboardView {
  roster: Roster;
  timeZone: string;
  user: StaffRecord;
  /** The owner whose inbox the widget shows (the remembered one, else the user). */
  selectedOwnerId: string;
  shape: DashboardShape;
  forms: { email: Tokens; search: Tokens };
}

const byName = <T extends { name: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => a.name.localeCompare(b.name));

/** The captured `window.recentLeadsListViewData`: ids are JSON numbers, zone and location inside `actingUser`. */
function recentLeadsViewData(view: DashboardView, withZone: boolean): Record<string, unknown> {
  const { roster, user } = view;
  const role = staffRole(user.role);
  const location: LocationRecord | undefined = roster.locations[0];
  const actingUser: Record<string, unknown> = {
    tfoUserId: Number(user.id),
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    role: roleObject(role),
    clubId: Number(roster.clubId),
  };
  if (withZone) {
    actingUser.clubLocationId = location ? Number(location.id) : null;
    actingUser.timeZoneId = view.timeZone;
  }
  Object.assign(actingUser, {
    mobilePhone: null,
    homePhone: null,
    workPhone: null,
    username: `${user.firstName.charAt(0).toLowerCase()}.${user.lastName.toLowerCase().replace(/[^a-z]/g, '')}`,
    eventReminderMethod: 'sms',
    registrationDate: null,
    followUpWith: null,
    followUpId: null,
    followUpType: null,
    followUpLog: null,
    reason: null,
    password: null,
    extBillingId: null,
  });
  const data: Record<string, unknown> = {
    actingUserId: Number(user.id),
    actingUserRoleId: role.id,
    actingUser,
    actingUserPermissions: {
      statements: [
        { effect: 'DENY', action: 'UsersManagePermissionsSelfAction:*', resource: ['*'] },
        { effect: 'ALLOW', action: 'UsersAccessAllMembersAndProspectsAction:*', resource: ['*'] },
        { effect: 'ALLOW', action: 'UsersSmsOptInAction:*', resource: ['*'] },
        { effect: 'ALLOW', action: 'AccessAllInboundMessagesAction:*', resource: ['*'] },
      ],
    },
  };
  // A dashboard without a zone carries no location either: a club id only.
  if (withZone) data.actingUserLocations = roster.locations.map((l) => Number(l.id));
  data.loggedInUserId = Number(user.id);
  data.s3UserContentBucket = 'https://s3.amazonaws.com/technique-usercontent';
  data.s3WebContentBucket = 'https://s3.amazonaws.com/technique-webcontent';
  if (withZone) {
    data.clubLocationList = roster.locations.map((l) => ({ defaultSalesPersonId: Number(l.defaultSalesPersonId), name: l.name, id: Number(l.id) }));
  }
  data.clubEmployeesList = byName(roster.staff).map((s) => ({ name: s.name, id: Number(s.id) }));
  data.clubLabel = 'Club';
  return data;
}

/**
 * Another page's view data, invented (no capture shows one): string ids, the user under
 * `currentUser` with a single `name`, staff under `employees`, and no zone or location.
 */
function otherViewData(view: DashboardView): Record<string, unknown> {
  const { roster, user } = view;
  return {
    loggedInUserId: user.id,
    currentUser: { id: user.id, name: user.name, clubId: roster.clubId, roleId: String(staffRole(user.role).id) },
    employees: byName(roster.staff).map((s) => ({ id: s.id, name: s.name })),
    followUpTypes: [{ id: '3', name: 'Text' }],
  };
}

function renderMessagesWidget(view: DashboardView): string {
  const { roster, user } = view;
  const option = (value: string, text: string): string =>
    `<option value="${escapeHtml(value)}"${value === view.selectedOwnerId ? ' selected="selected"' : ''}>${escapeHtml(text)}</option>`;
  const locations = roster.locations.map((l) => `                                ${option(l.id, l.name)}`).join('\n');
  const employees = [
    `                                ${option(user.id, 'My Messages')}`,
    ...byName(roster.staff.filter((s) => s.id !== user.id)).map((s) => `                                    ${option(s.id, s.name)}`),
  ].join('\n');
  return `<section id="messages" class="follow-up module">
                <div class="message-content">
                    <h2 class="message-title">
                        <span>Messages</span>
                        <div id="message-count" class="indicator-number"></div><i id="refresh-messages" class="fa fa-refresh"></i>
                    </h2>
                            <a id="clear-messages" class="header-link" href="#">Clear all</a>
                        <span class="right">
                            <select id="messages-owner-select">
                                <optgroup label="Club Messages">
${locations}
                                </optgroup>
                                <optgroup label="Employee Messages">
${employees}
                                </optgroup>
                            </select>
                        </span>
                </div>
                <div id="message-list" class="schedule-list scrolling-values scroll-handler"></div>
            </section>`;
}

export function renderDashboard(view: DashboardView): string {
  const recentLeads = view.shape !== 'other-view-data';
  const viewData = recentLeads
    ? `<section id="recent-leads" class="follow-up module">
<div id="recent-leads-list-react-mounting-point"></div>
<script>
  window.recentLeadsListViewData = ${jsonForScript(recentLeadsViewData(view, view.shape === 'recent-leads'))};
</script>
</section>`
    : `<section id="follow-up" class="follow-up module">
<div id="followup-list"></div>
<script>
  window.followUpListViewData = ${jsonForScript(otherViewData(view))};
</script>
</section>`;
  return renderPage(
    'Dashboard',
    `${renderPopups(view.forms.email)}
${renderQuickSearch(view.forms.search)}
<div id="summary-page" class="main page-contents">
    <div class="columns-parent">
        <span id="col-1" class="column dashboard-column">
            ${viewData}
        </span>
        <span id="col-2" class="column dashboard-column">
            ${renderMessagesWidget(view)}
        </span>
    </div>
</div>`,
    { timeZone: view.shape === 'recent-leads' ? view.timeZone : null },
  );
}

// `POST /action/FollowUp`: the follow-up popup with the send form and the `#follow-up-log`
// (MARKUP.md, FollowUp popup), and the one-line answer of a successful `FollowUp/save`.
import { followUpDateLabel } from './club-labels';
import { escapeHtml, escapeMultiline } from './escape-html';
import { hiddenTokens } from './render-login';
import { deriveSeed } from './mulberry32';
import type { PersonRecord } from './roster';
import type { SimFollowUpEntry } from './types';

export interface FollowUpView {
  person: PersonRecord;
  /** Null for a staff member (a popup opened while delegated to staff). */
  membership: string | null;
  /** False hides the text-message field: the member opted out of SMS. */
  canText: boolean;
  form: { sourcePage: string; fp: string };
  /** Newest first. */
  log: readonly SimFollowUpEntry[];
  timeZone: string;
  /** The signed-in staff id, prefilled in the routing fields. */
  staffId: string;
  staffName: string;
  clubId: string;
  /** The person's home location. */
  clubLocationId: string;
  roleId: number;
}

const KIND_ICON: Readonly<Record<SimFollowUpEntry['kind'], [string, string]>> = {
  text: ['icon_text.png', 'Text'],
  email: ['icon_email.png', 'Email'],
  call: ['icon_phone.png', 'Call'],
};

function hidden(name: string, value: string): string {
  return `    <input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

function textInput(name: string, value: string): string {
  return `    <input type="text" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

function renderEntry(entry: SimFollowUpEntry, timeZone: string): string {
  const [icon, word] = KIND_ICON[entry.kind];
  return `  <div class="followup-entry">
    <div class="followup-entry-date">${escapeHtml(`${followUpDateLabel(entry.at, timeZone)} by ${entry.author}`)}</div>
    <div class="followup-entry-note"><img src="/images/${icon}"> ${word} - ${escapeMultiline(entry.body)}</div>
  </div>`;
}

export function renderFollowUpPopup(view: FollowUpView): string {
  const { person } = view;
  // Stable per person, so the profile noise does not change between popups.
  const checkIns = deriveSeed(7, person.id) % 23;
  // Field names and values are those of the captured form (followup-popup-fields.json); which
  // control carries each is not captured, so the control types here are inferred.
  const fields = [
    hidden('followUpLog.id', ''),
    hidden('followUpLog.tfoUserId', person.id),
    hidden('followUpUser.tfoUserId', person.id),
    hidden('followUpUser.clubId', view.clubId),
    hidden('followUpUser.clubLocationId', view.clubLocationId),
    hidden('followUpUser.role.id', String(view.roleId)),
    textInput('followUpUser.firstName', person.firstName),
    textInput('followUpUser.lastName', person.lastName),
    textInput('followUpUser.email', person.email),
    textInput('followUpUser.mobilePhone', person.mobilePhone),
    textInput('followUpUser.homePhone', ''),
    textInput('followUpUser.workPhone', ''),
    `    <select name="followUpLog.followUpAction">
      <option value="2"${view.canText ? '' : ' selected'}>Email</option>
      <option value="3"${view.canText ? ' selected' : ''}>Text</option>
      <option value="1">Call</option>
    </select>`,
    `    <select name="followUpLog.outcome">
      <option value="1">Left message</option>
      <option value="2" selected>Contacted</option>
    </select>`,
    view.canText ? '    <textarea name="textMessage"></textarea>' : '',
    textInput('emailSubject', `${view.staffName} has sent you a message`),
    // Real textareas come with their default text (a line break first).
    '    <textarea name="emailMessage">\nType message here...</textarea>',
    '    <textarea name="followUpOutcomeNotes">\nType notes here...</textarea>',
    hidden('followUpStatus', '1'),
    hidden('followUpType', '3'),
    hidden('followUpSequence', ''),
    hidden('memberSalesFollowUpStatus', '6'),
    hidden('memberStudioSalesDefaultAccount', view.staffId),
    hidden('memberStudioSupportDefaultAccount', view.staffId),
    hidden('ptSalesDefaultAccount', view.staffId),
    hidden('ptSupportDefaultAccount', view.staffId),
    `    ${hiddenTokens(view.form)}`,
  ].filter((f) => f !== '');

  return `<div id="followup-popup-content">
  <div class="followup-profile">
    <h2 class="followup-name">${escapeHtml(`${person.firstName} ${person.lastName}`)}</h2>
    <div class="profile-row">Membership: ${escapeHtml(view.membership ?? 'Staff')}</div>
    <div class="profile-row">Past 30 days <span class="check-ins">Check-ins: ${checkIns}</span></div>
    <div class="profile-row">Origin: Walk-in</div>
    <div class="profile-row">Marketing source: Website</div>
    <div class="profile-row">Referred by: </div>
    <div class="profile-row">Interests: General fitness</div>
    <div class="profile-row">Email campaigns <span class="badge">On</span></div>
    <div class="profile-row">Direct contact outcome: </div>
    <div class="profile-row">Smart engagement</div>
    <div class="profile-row">Follow-up with: ${escapeHtml(view.staffName)}</div>
  </div>
  <form id="followup-form" action="/action/FollowUp/save" method="post">
${fields.join('\n')}
  </form>
  <div id="follow-up-log">
${view.log.map((e) => renderEntry(e, view.timeZone)).join('\n')}
  </div>
</div>
`;
}

/** The whole body of a successful send. */
export function renderSendResult(memberId: string, name: string, channel: 'sms' | 'email'): string {
  const href = `/action/Delegate/${encodeURIComponent(memberId)}/url=/action/LeadProfile`;
  return `<a href="${escapeHtml(href)}">${escapeHtml(name)}</a> has been ${channel === 'sms' ? 'texted' : 'emailed'}.`;
}

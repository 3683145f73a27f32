// The FollowUp popup, sends, and the time-zone name call (MARKUP.md, FollowUp popup and Send).
import { z } from 'zod';
import { emailText } from './email-text';
import { htmlResponse } from './http-io';
import type { SimResponse } from './http-io';
import { delegatedPerson } from './handle-delegate';
import { renderFollowUpPopup, renderSendResult } from './render-followup';
import { shortName } from './roster';
import { OPTED_OUT_REFUSAL, SOMETHING_NOT_RIGHT } from './sim-context';
import { homeLocationId } from './home-location';
import { MEMBER_ROLE, staffRole } from './sim-roles';
import { FOLLOWUP_TOKENS } from './tokens';
import type { SimDeps, SignedInRequest } from './sim-context';

/** Answers for the member currently delegated, whatever `followUpUserId` says. */
export function followUpPopup(req: SignedInRequest, deps: SimDeps): SimResponse {
  const { person, membership, isMember } = delegatedPerson(req, deps);
  return htmlResponse(
    renderFollowUpPopup({
      person,
      membership,
      canText: !isMember || !deps.state.isOptedOut(person.id),
      form: deps.sessions.issueForm(req.session, 'followup', person.id, FOLLOWUP_TOKENS),
      log: isMember ? deps.state.followUpLog(person.id) : [],
      timeZone: deps.state.timeZone,
      staffId: req.user.id,
      staffName: req.user.name,
      clubId: deps.state.roster.clubId,
      clubLocationId: homeLocationId(person.id, deps),
      roleId: isMember ? MEMBER_ROLE.id : staffRole(deps.state.staffMember(person.id)?.role ?? '').id,
    }),
  );
}

const saveForm = z.object({
  _sourcePage: z.string().min(1),
  __fp: z.string().min(1),
  'followUpUser.tfoUserId': z.string().min(1),
  'followUpLog.followUpAction': z.string(),
  textMessage: z.string().optional(),
  emailMessage: z.string().optional(),
});


export function followUpSave(req: SignedInRequest, deps: SimDeps): SimResponse {
  const refuse = htmlResponse(SOMETHING_NOT_RIGHT);
  if (deps.faults.fire('somethingNotRight', req.path)) return refuse;
  const parsed = saveForm.safeParse(req.form);
  if (!parsed.success) return refuse;
  const form = parsed.data;
  const issued = deps.sessions.consumeForm(req.session, form._sourcePage, form.__fp, 'followup');
  const memberId = form['followUpUser.tfoUserId'];
  if (!issued || issued.memberId !== memberId || req.session.delegatedId !== memberId) return refuse;
  const member = deps.state.member(memberId);
  if (!member) return refuse;

  const action = form['followUpLog.followUpAction'];
  const channel = action === '3' ? 'sms' : action === '2' ? 'email' : null;
  if (channel === null) return refuse;
  const body = channel === 'sms' ? (form.textMessage ?? '').trim() : emailText(form.emailMessage ?? '');
  if (body === '') return refuse;
  if (channel === 'sms' && deps.state.isOptedOut(memberId)) return htmlResponse(OPTED_OUT_REFUSAL);

  deps.state.appendLog(memberId, {
    at: deps.clock.now(),
    author: shortName(req.user),
    kind: channel === 'sms' ? 'text' : 'email',
    body,
    direction: 'outbound',
  });
  deps.state.recordSent({ memberId, channel, body, at: deps.clock.now(), staffId: req.user.id });
  return htmlResponse(renderSendResult(memberId, `${member.firstName} ${member.lastName}`, channel));
}

/** `POST /action/FollowUp/UpdateTZ`: the zone's long name now ("Central Daylight Time"). */
export function updateTimeZone(_req: SignedInRequest, deps: SimDeps): SimResponse {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: deps.state.timeZone, timeZoneName: 'long' }).formatToParts(deps.clock.now());
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? deps.state.timeZone;
  return { status: 200, body: name, contentType: 'text/plain;charset=UTF-8' };
}

// Dashboard view and the inbox fragment (MARKUP.md, Dashboard and Inbox).
import { htmlResponse } from './http-io';
import type { SimResponse } from './http-io';
import { GARBLE_KINDS, garbledInbox, truncateFragment } from './inbox-faults';
import { renderDashboard } from './render-dashboard';
import { renderInbox, renderInboxPieces } from './render-inbox';
import type { SimDeps, SignedInRequest } from './sim-context';
import { EMAIL_TOKENS, SEARCH_TOKENS } from './tokens';

export function dashboardView(req: SignedInRequest, deps: SimDeps): SimResponse {
  const owner = req.session.ownerId ?? req.user.id;
  return htmlResponse(
    renderDashboard({
      roster: deps.state.roster,
      timeZone: deps.state.timeZone,
      user: req.user,
      selectedOwnerId: owner,
      shape: deps.dashboardShape,
      forms: {
        email: deps.sessions.issueForm(req.session, 'email', undefined, EMAIL_TOKENS),
        search: deps.sessions.issueForm(req.session, 'search', undefined, SEARCH_TOKENS),
      },
    }),
  );
}

/**
 * `POST` (with `userId`) chooses and remembers the owner; `GET ?_=` lists the remembered one.
 * An id that names no inbox lists nothing, as an empty ClubOS inbox would.
 */
export function inbox(req: SignedInRequest, deps: SimDeps): SimResponse {
  const posted = req.method === 'POST' ? (req.form.userId ?? '').trim() : '';
  if (posted !== '') req.session.ownerId = posted;
  const owner = req.session.ownerId ?? req.user.id;
  const messages = deps.state.inbox(owner);
  const { faults } = deps;

  // Row faults need a row to break; they do not fire on an empty inbox.
  const omitLabelAt = messages.length > 0 && faults.fire('missingLabel', req.path) ? faults.rng.int(0, messages.length - 1) : undefined;
  const omitNameAt = messages.length > 0 && faults.fire('missingName', req.path) ? faults.rng.int(0, messages.length - 1) : undefined;
  const options = {
    now: deps.clock.now(),
    timeZone: deps.state.timeZone,
    memberIdsInLinks: deps.memberIdsInLinks,
    ...(omitLabelAt === undefined ? {} : { omitLabelAt }),
    ...(omitNameAt === undefined ? {} : { omitNameAt }),
  };
  // A broken page is made whole first; a sound one is sent as it is rendered.
  let broken: string | null = null;
  if (faults.fire('garbledHtml', req.path)) broken = garbledInbox(messages, faults.rng.pick(GARBLE_KINDS));
  if (faults.fire('truncatedHtml', req.path)) broken = truncateFragment(broken ?? renderInbox(messages, options), faults.rng);
  return htmlResponse(broken ?? { pieces: renderInboxPieces(messages, options) });
}

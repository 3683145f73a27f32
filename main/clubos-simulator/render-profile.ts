// `GET /action/LeadProfile/view`: the delegated person's profile, which clients load to
// "establish context" after delegating.
import { escapeHtml } from './escape-html';
import { renderPage } from './render-page';
import type { PersonRecord } from './roster';

export function renderProfile(person: PersonRecord, membership: string | null): string {
  const name = `${person.firstName} ${person.lastName}`;
  return renderPage(
    name,
    `<div id="lead-profile" data-id="${escapeHtml(person.id)}">
  <h1 class="profile-name">${escapeHtml(name)}</h1>
  <dl>
    <dt>Email</dt><dd class="profile-email">${escapeHtml(person.email)}</dd>
    <dt>Mobile</dt><dd class="profile-mobile">${escapeHtml(person.mobilePhone)}</dd>
    <dt>Membership</dt><dd class="profile-membership">${escapeHtml(membership ?? 'Staff')}</dd>
  </dl>
</div>`,
  );
}

// What every signed-in full page carries besides its own content (MARKUP.md, Dashboard): the
// e-mail popup with `form#emailForm`, the FollowUp popup shell, and `form#quickSearchForm`. Each
// form has its own token pair; the e-mail form's comes first on the page.
import { hiddenTokens } from './render-login';

type Tokens = { sourcePage: string; fp: string };

export function renderPopups(email: Tokens): string {
  return `<input type="hidden" id="refreshed" value="no"/>
<div class="legacy-styles" id="popup-container">
<div id="send-email-popup" class="popup510 popup">
    <div class="popup-header"><h1>Send email</h1></div>
    <div class="popup-content">
        <h2 class="center" id="send-email-title"></h2>
        <form method="post" action="/action/Email" id="emailForm">
            <div id="email-notification">
                <div>Message</div>
                <textarea name="message"></textarea>
                <input name="id" type="hidden" value="" />
            </div>
            <div class="btn-bar  flex-row  space-between">
                <label class="left"><input name="copySender" type="checkbox" class="checkbox" value="true" />Send a copy to myself</label>
                <div class="flex-row">
                        <a href="#" id="cancel-email" class="cancel close-button">Cancel</a>
                        <a href="#" id="submit-email" class="button">Send</a>
                </div>
            </div>
        ${hiddenTokens(email)}</form>
    </div>
</div>
<!-- send-email-popup -->
<div id="followup-popup" class="popup">
    <div id="followup-popup-content">
        <div class="popup-header"><h1 id="update-followup-popup-tab" class="title"></h1></div>
        <div id="update-followup-popup" class="popup-content"></div>
    </div>
</div>
<!-- end follow-up-popup -->
</div>`;
}

export function renderQuickSearch(search: Tokens): string {
  return `<div id="search-add">
    <div class="form-inline">
        <div class="search-input-bar form-group">
            <div class="search-input">
                <form method="post" action="/action/UserSearch/" id="quickSearchForm" onsubmit="return false;">
                    <i class="icon icon-search"></i>
                    <input type="text" name="filter.keyword" id="quick-search-text" class="form-control autoclear text" placeholder="Search users" autocomplete="off" />
                    <input type="hidden" name="actAs" value="loggedIn" />
                ${hiddenTokens(search)}</form>
            </div>
            <div class="quick-search small-popup hide overflow-y-auto">
                <div class="content"><ul class="search-results list-group"></ul></div>
            </div>
        </div>
    </div>
</div>`;
}

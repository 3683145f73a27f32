import { describe, expect, it } from 'vitest';
import { emailBodyText } from '../../main/clubos/email-body';

describe('emailBodyText', () => {
  it('turns the HTML a client sent into the text once', () => {
    expect(emailBodyText('<p>We&#39;re open &#38; &quot;ready&quot; &lt;now&gt;<br>See you</p>')).toBe('We\'re open & "ready" <now>\nSee you');
    expect(emailBodyText('<p>One</p><p>Two</p>')).toBe('One\n\nTwo');
  });

  it('leaves plain text alone, and never decodes twice', () => {
    expect(emailBodyText('Tom & Jerry <3')).toBe('Tom & Jerry <3');
    expect(emailBodyText('&amp;#39;')).toBe('&#39;');
  });
});

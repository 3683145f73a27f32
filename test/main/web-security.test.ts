import { describe, expect, it } from 'vitest';
import { isAppPage, isSafeExternalUrl } from '../../main/shell/web-security';

describe('isSafeExternalUrl', () => {
  it('accepts https only', () => {
    expect(isSafeExternalUrl('https://club.example/portal')).toBe(true);
    for (const url of ['http://x.example', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', '', 'https//x']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('isAppPage', () => {
  const APP = 'file:///opt/Frontdesk/resources/app.asar/out/renderer/index.html';
  it('accepts the app page itself, with any fragment', () => {
    expect(isAppPage(APP, APP)).toBe(true);
    expect(isAppPage(`${APP}#/inbox`, APP)).toBe(true);
    expect(isAppPage('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppPage('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true);
  });

  it('refuses every other page, file:// ones included', () => {
    for (const url of [
      'file:///tmp/x.html',
      'file:///opt/Frontdesk/resources/app.asar/out/renderer/other.html',
      'file:///opt/Frontdesk/resources/app.asar/out/renderer/index.html?x=1',
      'file://evil-host/opt/Frontdesk/resources/app.asar/out/renderer/index.html',
      'http://localhost:5173/',
      'https://evil.example/',
      'garbage',
    ]) {
      expect(isAppPage(url, APP), url).toBe(false);
    }
    expect(isAppPage('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppPage('http://localhost:5173/other.html', 'http://localhost:5173')).toBe(false);
    expect(isAppPage(APP, 'garbage')).toBe(false);
  });
});

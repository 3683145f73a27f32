import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl } from '../../main/shell/web-security';

describe('isSafeExternalUrl', () => {
  it('accepts https only', () => {
    expect(isSafeExternalUrl('https://club.example/portal')).toBe(true);
    for (const url of ['http://x.example', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', '', 'https//x']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('isAppUrl', () => {
  it('accepts the packaged file:// renderer and the dev server origin only', () => {
    expect(isAppUrl('file:///opt/Frontdesk/resources/app.asar/out/renderer/index.html', undefined)).toBe(true);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isAppUrl('https://evil.example/', undefined)).toBe(false);
    expect(isAppUrl('garbage', 'http://localhost:5173')).toBe(false);
  });
});

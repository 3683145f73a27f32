// Desktop manners with Electron faked: deep links (strictly parsed, forwarded, queued until
// ready), resync after wake or network back, and the spelling context menu.
import { EventEmitter } from 'node:events';
import type { App, MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deepLinkInArgv, parseDeepLink } from '../../main/deep-link/deep-link';
import { memoryLogger } from '../../common/log/logger';
import { buildContextMenuTemplate, type ContextMenuInput } from '../../main/shell/context-menu-template';
import { setupDeepLinks } from '../../main/shell/deep-links';
import { ONLINE_CHECK_MS, resyncOnWake } from '../../main/shell/wake-resync';
import { createResyncTrigger, RESYNC_SETTLE_MS } from '../../main/sync/resync-trigger';
import { systemTimers } from '../../common/time/timers';

describe('frontdesk:// links', () => {
  it('accept exactly frontdesk://conversation/<positive integer>', () => {
    expect(parseDeepLink('frontdesk://conversation/42')).toEqual({ kind: 'conversation', conversationId: 42 });
    expect(parseDeepLink('frontdesk://conversation/42/')).toEqual({ kind: 'conversation', conversationId: 42 });
    expect(parseDeepLink('FRONTDESK://Conversation/7')).toEqual({ kind: 'conversation', conversationId: 7 });
    for (const bad of [
      'frontdesk://conversation/0',
      'frontdesk://conversation/-1',
      'frontdesk://conversation/042',
      'frontdesk://conversation/4.2',
      'frontdesk://conversation/1e3',
      'frontdesk://conversation/42?x=1',
      'frontdesk://conversation/42#top',
      'frontdesk://conversation/42/messages',
      'frontdesk://conversation/%34%32',
      'frontdesk://conversation/ 42',
      'frontdesk://conversation/42\n',
      'frontdesk://conversation/9999999999999999',
      'frontdesk://settings',
      'frontdesk://conversation/',
      'https://conversation/42',
      'frontdesk:conversation/42',
      'javascript:alert(1)//frontdesk://conversation/1',
      `frontdesk://conversation/${'1'.repeat(200)}`,
    ]) {
      expect(parseDeepLink(bad), bad).toBeNull();
    }
  });

  it('are found among launch arguments', () => {
    expect(deepLinkInArgv(['/usr/bin/frontdesk', '--no-sandbox', 'frontdesk://conversation/9'])).toEqual({ kind: 'conversation', conversationId: 9 });
    expect(deepLinkInArgv(['/usr/bin/frontdesk', 'frontdesk://conversation/x'])).toBeNull();
    expect(deepLinkInArgv(['/usr/bin/frontdesk'])).toBeNull();
  });

  it('register the scheme, and wait for the app before opening a link from launch or open-url', () => {
    const app = Object.assign(new EventEmitter(), { setAsDefaultProtocolClient: vi.fn(() => true) });
    const links = setupDeepLinks({ app: app as unknown as App, defaultApp: true, execPath: '/x/electron', entry: '/repo/out/main/index.js', logger: memoryLogger() });
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('frontdesk', '/x/electron', ['/repo/out/main/index.js']);
    links.fromArgv(['/x/electron', '/repo', 'frontdesk://conversation/3']);
    const open = vi.fn();
    links.ready(open);
    expect(open).toHaveBeenCalledWith({ kind: 'conversation', conversationId: 3 });
    const preventDefault = vi.fn();
    app.emit('open-url', { preventDefault }, 'frontdesk://conversation/5');
    expect(preventDefault).toHaveBeenCalled();
    expect(open).toHaveBeenLastCalledWith({ kind: 'conversation', conversationId: 5 });
    app.emit('open-url', { preventDefault }, 'frontdesk://conversation/5/../../etc');
    expect(open).toHaveBeenCalledTimes(2);
  });
});

describe('resync after wake or network back', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('syncs once after a bunch of events settles, and not while the user paused polling', async () => {
    const syncNow = vi.fn(() => Promise.resolve());
    let polling = true;
    const trigger = createResyncTrigger({ syncNow, isPolling: () => polling, timers: systemTimers, logger: memoryLogger() });
    trigger.trigger('resume');
    await vi.advanceTimersByTimeAsync(500);
    trigger.trigger('unlock');
    trigger.trigger('online');
    await vi.advanceTimersByTimeAsync(RESYNC_SETTLE_MS - 1);
    expect(syncNow).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(syncNow).toHaveBeenCalledTimes(1);
    polling = false;
    trigger.trigger('resume');
    await vi.advanceTimersByTimeAsync(RESYNC_SETTLE_MS);
    expect(syncNow).toHaveBeenCalledTimes(1);
  });

  it('listens to powerMonitor and to the network coming back', async () => {
    const powerMonitor = new EventEmitter();
    let online = true;
    const syncNow = vi.fn(() => Promise.resolve());
    const stop = resyncOnWake({
      powerMonitor: powerMonitor as never,
      net: { isOnline: () => online },
      syncNow,
      isPolling: () => true,
      timers: systemTimers,
      logger: memoryLogger(),
    });
    powerMonitor.emit('resume');
    await vi.advanceTimersByTimeAsync(RESYNC_SETTLE_MS);
    expect(syncNow).toHaveBeenCalledTimes(1);
    online = false;
    await vi.advanceTimersByTimeAsync(ONLINE_CHECK_MS);
    expect(syncNow).toHaveBeenCalledTimes(1);
    online = true;
    await vi.advanceTimersByTimeAsync(ONLINE_CHECK_MS + RESYNC_SETTLE_MS);
    expect(syncNow).toHaveBeenCalledTimes(2);
    // Staying online is no news.
    await vi.advanceTimersByTimeAsync(ONLINE_CHECK_MS * 5);
    expect(syncNow).toHaveBeenCalledTimes(2);
    stop();
    powerMonitor.emit('unlock-screen');
    await vi.advanceTimersByTimeAsync(RESYNC_SETTLE_MS);
    expect(syncNow).toHaveBeenCalledTimes(2);
    expect(powerMonitor.listenerCount('resume') + powerMonitor.listenerCount('unlock-screen')).toBe(0);
  });
});

describe('the text field context menu', () => {
  const flags = { canUndo: true, canRedo: false, canCut: true, canCopy: true, canPaste: true, canSelectAll: true, canDelete: true, canEditRichly: false };
  const params = (over: Partial<ContextMenuInput> = {}): ContextMenuInput => ({
    misspelledWord: '',
    dictionarySuggestions: [],
    isEditable: true,
    selectionText: '',
    editFlags: flags,
    ...over,
  });
  const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label ?? i.role ?? i.type);

  it('offers spelling suggestions and Add to dictionary for a misspelled word', () => {
    const actions = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() };
    const items = buildContextMenuTemplate(params({ misspelledWord: 'memebership', dictionarySuggestions: ['membership', 'memberships'] }), actions);
    expect(labels(items).slice(0, 5)).toEqual(['membership', 'memberships', 'separator', 'Add to dictionary', 'separator']);
    (items[0]!.click as () => void)();
    expect(actions.replaceMisspelling).toHaveBeenCalledWith('membership');
    (items[3]!.click as () => void)();
    expect(actions.addToDictionary).toHaveBeenCalledWith('memebership');
    expect(labels(items)).toContain('paste');
  });

  it('says when there is no suggestion, keeps edit commands honest, and offers only Copy outside fields', () => {
    const actions = { replaceMisspelling: vi.fn(), addToDictionary: vi.fn() };
    const none = buildContextMenuTemplate(params({ misspelledWord: 'Anytme' }), actions);
    expect(none[0]).toMatchObject({ label: 'No spelling suggestions', enabled: false });
    const plain = buildContextMenuTemplate(params(), actions);
    expect(plain.find((i) => i.role === 'redo')?.enabled).toBe(false);
    expect(labels(plain)).not.toContain('Add to dictionary');
    expect(labels(buildContextMenuTemplate(params({ isEditable: false, selectionText: 'Pat Smith' }), actions))).toEqual(['copy']);
    expect(buildContextMenuTemplate(params({ isEditable: false }), actions)).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { AppEvent } from '../../common/contract';
import { memoryLogger } from '../../common/log/logger';
import { systemTimers } from '../../common/time/timers';
import { fakeCore, messagesAddedEvent, sampleConversation, sampleSettings } from './fake-core';

const shown: FakeNotification[] = [];
let supported = true;

class FakeNotification {
  static isSupported = () => supported;
  handlers = new Map<string, () => void>();
  closed = false;
  constructor(readonly options: { title: string; body: string; urgency?: string; silent?: boolean }) {}
  on(event: string, handler: () => void) {
    this.handlers.set(event, handler);
  }
  show() {
    shown.push(this);
  }
  close() {
    this.closed = true;
    this.handlers.get('close')?.();
  }
}

vi.mock('electron', () => ({ Notification: FakeNotification }));

const { createNotifier } = await import('../../main/shell/notifier');
const { setupNewMessageNotifications } = await import('../../main/shell/new-message-notifications');

function fakeWindow(focused: boolean) {
  const state = { focused, visible: true, minimized: true };
  const win = {
    isDestroyed: () => false,
    isVisible: () => state.visible,
    isFocused: () => state.focused,
    isMinimized: () => state.minimized,
    restore: vi.fn(() => {
      state.minimized = false;
    }),
    show: vi.fn(),
    focus: vi.fn(),
  };
  return { state, win, asWindow: win as unknown as BrowserWindow };
}

describe('notifier', () => {
  beforeEach(() => {
    shown.length = 0;
    supported = true;
  });

  it('keeps one notification on screen: a new one closes the one before', () => {
    const notifier = createNotifier({ logger: memoryLogger() });
    notifier.show({ title: 'New message from Ana', body: 'Hi' });
    notifier.show({ title: 'New message from Ben', body: 'Yo' });
    expect(shown.map((n) => [n.options.title, n.closed])).toEqual([
      ['New message from Ana', true],
      ['New message from Ben', false],
    ]);
    notifier.close();
    expect(shown[1]!.closed).toBe(true);
  });

  it('never asks to break through the OS do-not-disturb (no critical urgency)', () => {
    createNotifier({ logger: memoryLogger() }).show({ title: 'New message from Ana', body: 'Hi' });
    expect(shown[0]!.options.urgency).toBe('normal');
  });

  it('calls back on click, and shows nothing where notifications are unsupported', () => {
    const notifier = createNotifier({ logger: memoryLogger() });
    const onClick = vi.fn();
    notifier.show({ title: 't', body: 'b' }, onClick);
    shown[0]!.handlers.get('click')!();
    expect(onClick).toHaveBeenCalled();
    supported = false;
    notifier.show({ title: 't2', body: 'b' });
    expect(shown).toHaveLength(1);
  });
});

describe('new-message notifications', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    shown.length = 0;
    supported = true;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(focused = false) {
    const core = fakeCore();
    const window = fakeWindow(focused);
    const conversations = new Map([
      [1, sampleConversation({ id: 1, memberName: 'Ana', lastMessagePreview: 'Can I freeze?', unreadCount: 1 })],
      [2, sampleConversation({ id: 2, memberName: 'Ben', lastMessagePreview: 'Late', unreadCount: 2 })],
    ]);
    const uiCommands: AppEvent[] = [];
    core.events.subscribe((e) => {
      if (e.type === 'uiCommand') uiCommands.push(e);
    });
    const stop = setupNewMessageNotifications({
      core,
      notifier: createNotifier({ logger: memoryLogger() }),
      window: () => window.asWindow,
      timers: systemTimers,
      logger: memoryLogger(),
    });
    // The event carries the conversations that exist; 99 is gone by the time it is sent.
    const add = (conversationIds: number[], count: number, quiet = false) =>
      core.events.emit(messagesAddedEvent(conversationIds.flatMap((id) => conversations.get(id) ?? []), { count, quiet, conversationIds }));
    return { core, window, uiCommands, stop, add };
  }

  it('shows one grouped notification a second after new messages, skipping gone conversations', async () => {
    const { add } = setup();
    add([1, 99], 1);
    add([2], 2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown.map(({ options: { title, body } }) => ({ title, body }))).toEqual([{ title: '3 new messages from Ben, Ana', body: 'Ben: Late\nAna: Can I freeze?' }]);
  });

  it('names members from the events alone, without reading any conversation again', async () => {
    const { add, core } = setup();
    add([1], 1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown).toHaveLength(1);
    expect(core.services.conversations.get).not.toHaveBeenCalled();
    expect(core.handlers.getConversation).not.toHaveBeenCalled();
  });

  it('reads the privacy setting when it shows', async () => {
    const { add, core } = setup();
    core.services.settings.get.mockReturnValue(sampleSettings({ notifications: 'count_only' }));
    add([1], 1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown.map(({ options: { title, body } }) => ({ title, body }))).toEqual([{ title: 'New message', body: '' }]);
  });

  it('clicking brings the window forward on that conversation', async () => {
    const { add, window, uiCommands } = setup();
    add([2], 1);
    await vi.advanceTimersByTimeAsync(1000);
    shown[0]!.handlers.get('click')!();
    expect(window.win.restore).toHaveBeenCalled();
    expect(window.win.focus).toHaveBeenCalled();
    expect(uiCommands).toMatchObject([{ type: 'uiCommand', command: 'openConversation', conversationId: 2 }]);
  });

  it('stays silent while the window is focused, for quiet imports, and after stop', async () => {
    const { add, window, stop } = setup(true);
    add([1], 1);
    await vi.advanceTimersByTimeAsync(1000);
    window.state.focused = false;
    add([1, 2], 300, true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown).toEqual([]);
    add([1], 1);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(shown).toEqual([]);
  });
});

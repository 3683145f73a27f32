// File → Import from gym bot… in the shell, with Electron's dialogs and window faked: preview
// before writing, the window's progress bar while writing, a clear message for a refused file.
import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { ImportPlan } from '../../main/import/gym-bot-import';
import type { GymBotImporter } from '../../main/import/gym-bot-importer';
import { GymBotImportError } from '../../main/import/gym-bot-source';
import { memoryLogger } from '../../common/log/logger';
import { runGymBotImportDialog } from '../../main/shell/gym-bot-import-dialog';

const plan = (over: Partial<ImportPlan> = {}): ImportPlan => ({
  layout: 'A',
  total: 2468,
  readable: 2400,
  toAdd: 2100,
  alreadyStored: 300,
  skipped: { no_sender: 68 },
  dateRange: { from: '2025-01-24', to: '2025-09-05' },
  owners: [{ ownerId: '187032782', name: 'Jordan Lee', known: true, rows: 2400, toAdd: 2100 }],
  conversations: 424,
  candidates: new Map(),
  ...over,
});

function rig(options: { chosen?: string | null; answer?: number; preview?: () => Promise<ImportPlan> }) {
  const boxes: MessageBoxOptions[] = [];
  const dialog = {
    showOpenDialog: vi.fn(() => Promise.resolve({ canceled: options.chosen === null, filePaths: options.chosen === null ? [] : [options.chosen ?? '/home/me/gym_bot.db'] })),
    showMessageBox: vi.fn((_w: BrowserWindow, box: MessageBoxOptions) => {
      boxes.push(box);
      return Promise.resolve({ response: box.buttons ? (options.answer ?? 0) : 0, checkboxChecked: false });
    }),
  } as unknown as Pick<Dialog, 'showOpenDialog' | 'showMessageBox'>;
  const progress: number[] = [];
  const window = { isDestroyed: () => false, setProgressBar: (p: number) => progress.push(p) } as unknown as BrowserWindow;
  const importer: GymBotImporter = {
    preview: vi.fn(options.preview ?? (() => Promise.resolve(plan()))),
    run: vi.fn((_p: ImportPlan, onProgress?: (done: number, total: number) => void) => {
      onProgress?.(0, 2400);
      onProgress?.(1200, 2400);
      onProgress?.(2400, 2400);
      return Promise.resolve({ added: 2100, touched: new Map([['187032782', { insertedIds: [11, 12, 13], conversationIds: [1, 2, 3] }]]) });
    }),
  };
  return { boxes, dialog, progress, importer, run: () => runGymBotImportDialog({ window, dialog, importer, logger: memoryLogger('test') }) };
}

describe('the gym bot import dialog', () => {
  it('shows the preview, writes on Import with the progress bar, then says what was added', async () => {
    const r = rig({});
    await r.run();
    expect(r.importer.preview).toHaveBeenCalledWith('/home/me/gym_bot.db');
    const [preview, done] = r.boxes;
    expect(preview?.message).toBe('Import 2,100 messages from the gym bot?');
    expect(preview?.detail).toContain('From 2025-01-24 to 2025-09-05');
    expect(preview?.detail).toContain('Jordan Lee: 2,400 messages, 2,100 new');
    expect(preview?.detail).toContain('68 rows whose sender could not be told');
    expect(r.progress).toEqual([0, 0.5, 1, -1]);
    expect(done?.message).toBe('Imported 2,100 messages into 3 conversations.');
  });

  it('writes nothing when the user cancels, or when the file adds nothing', async () => {
    const cancelled = rig({ answer: 1 });
    await cancelled.run();
    expect(cancelled.importer.run).not.toHaveBeenCalled();
    const nothing = rig({ preview: () => Promise.resolve(plan({ toAdd: 0, alreadyStored: 2400 })) });
    await nothing.run();
    expect(nothing.importer.run).not.toHaveBeenCalled();
    expect(nothing.boxes[0]?.message).toBe('Nothing new to import from this gym bot file.');
    const closed = rig({ chosen: null });
    await closed.run();
    expect(closed.importer.preview).not.toHaveBeenCalled();
  });

  it('explains a refused file', async () => {
    const r = rig({ preview: () => Promise.reject(new GymBotImportError('damaged', 'gym_bot_CORRUPTED.db is damaged. Nothing was imported.')) });
    await r.run();
    expect(r.boxes).toEqual([expect.objectContaining({ type: 'error', message: 'This file cannot be imported.', detail: 'gym_bot_CORRUPTED.db is damaged. Nothing was imported.' })]);
    expect(r.importer.run).not.toHaveBeenCalled();
  });
});

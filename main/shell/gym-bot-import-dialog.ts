// File → Import from gym bot…: choose the file, show what it holds and what would be added,
// write on confirmation with the window's progress bar (taskbar/dock) filling, then say how it went.
import type { BrowserWindow, Dialog } from 'electron';
import type { GymBotImporter } from '../import/gym-bot-importer';
import { GymBotImportError } from '../import/gym-bot-source';
import { previewText, resultText } from '../import/import-summary';
import type { Logger } from '../../common/log/logger';

export interface ImportDialogDeps {
  window: BrowserWindow;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showMessageBox'>;
  importer: GymBotImporter;
  logger: Logger;
}

const TITLE = 'Import from gym bot';

export async function runGymBotImportDialog({ window, dialog, importer, logger }: ImportDialogDeps): Promise<void> {
  const chosen = await dialog.showOpenDialog(window, {
    title: TITLE,
    buttonLabel: 'Read file',
    properties: ['openFile'],
    filters: [
      { name: 'Gym bot database', extensions: ['db', 'sqlite', 'sqlite3'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  const file = chosen.filePaths[0];
  if (chosen.canceled || file === undefined) return;

  const fail = async (error: unknown): Promise<void> => {
    const known = error instanceof GymBotImportError;
    if (!known) logger.error('gym bot import failed', { error });
    else logger.warn('gym bot file refused', { reason: error.reason, message: error.message });
    await dialog.showMessageBox(window, {
      type: 'error',
      title: TITLE,
      message: known ? 'This file cannot be imported.' : 'The import stopped.',
      detail: known ? error.message : 'Something went wrong inside Frontdesk; nothing already imported is lost. The log folder has the details.',
    });
  };

  let plan;
  try {
    plan = await importer.preview(file);
  } catch (error) {
    await fail(error);
    return;
  }
  const { message, detail } = previewText(plan);
  if (plan.toAdd === 0) {
    await dialog.showMessageBox(window, { type: 'info', title: TITLE, message, detail });
    return;
  }
  const answer = await dialog.showMessageBox(window, {
    type: 'question',
    title: TITLE,
    message,
    detail,
    buttons: ['Import', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
  });
  if (answer.response !== 0) return;

  try {
    const result = await importer.run(plan, (done, total) => {
      if (!window.isDestroyed()) window.setProgressBar(total === 0 ? 1 : done / total);
    });
    if (!window.isDestroyed()) window.setProgressBar(-1);
    await dialog.showMessageBox(window, { type: 'info', title: TITLE, message: resultText(result) });
  } catch (error) {
    if (!window.isDestroyed()) window.setProgressBar(-1);
    await fail(error);
  }
}

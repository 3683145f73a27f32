// Shows the text-field context menu (spelling suggestions, add to dictionary, edit commands).
import { Menu, type BrowserWindow, type ContextMenuParams } from 'electron';
import { buildContextMenuTemplate } from './context-menu-template';

export function enableContextMenu(window: BrowserWindow): () => void {
  const contents = window.webContents;
  const onContextMenu = (_event: unknown, params: ContextMenuParams): void => {
    const template = buildContextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => {
        contents.session.addWordToSpellCheckerDictionary(word);
      },
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window });
  };
  contents.on('context-menu', onContextMenu);
  return () => {
    if (!window.isDestroyed()) contents.off('context-menu', onContextMenu);
  };
}

// Builds `window.frontdesk` from the contract table. Only named functions and an event
// subscription cross the bridge; `ipcRenderer` itself never does.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, EVENT_CHANNEL, requestChannel, type AppEvent } from '../common/contract';
import type { FrontdeskApi } from '../common/frontdesk-api';

function buildApi(): FrontdeskApi {
  const api: Record<string, unknown> = {};
  for (const name of channelNames) {
    api[name] = (args?: unknown) => ipcRenderer.invoke(requestChannel(name), args ?? {});
  }
  api['onEvent'] = (listener: (event: AppEvent) => void) => {
    const wrapped = (_event: IpcRendererEvent, payload: AppEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  };
  return api as FrontdeskApi;
}

contextBridge.exposeInMainWorld('frontdesk', buildApi());

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { frontdeskApi } from './api';
import { App } from './app';
import type { AppDeps } from './store/app-deps';
import { createAppStore } from './store/app-store';
import './styles/app.css';

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const deps: AppDeps = {
  api: frontdeskApi(),
  now: () => Date.now(),
  locale: navigator.language || undefined,
  timeZone: undefined,
  isWindowAttentive: () => document.visibilityState === 'visible' && document.hasFocus(),
  viewStorage: sessionStorageOrNull(),
  prefStorage: localStorageOrNull(),
};

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={createAppStore(deps)} deps={deps} />
  </StrictMode>,
);

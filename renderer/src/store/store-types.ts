// Shared shapes of the store's slices.
import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from './app-store';

export type SetState = StoreApi<AppState>['setState'];
export type GetState = StoreApi<AppState>['getState'];

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

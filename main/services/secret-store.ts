// One secret (the model's API key) at rest. The shell implements it with Electron's safeStorage,
// like the ClubOS password; tests use the in-memory one. Core code never sees how it is stored.
import type { SecretStorageLevel } from './credential-store';

export interface SecretStore {
  level(): Promise<SecretStorageLevel>;
  load(): Promise<string | null>;
  /** Rejects when the level is `unavailable`. */
  save(secret: string): Promise<void>;
  clear(): void;
}

export function memorySecretStore(level: SecretStorageLevel = 'os'): SecretStore {
  let saved: string | null = null;
  return {
    level: () => Promise.resolve(level),
    load: () => Promise.resolve(saved),
    save(secret) {
      if (level === 'unavailable') return Promise.reject(new Error('no secure storage for secrets on this system'));
      saved = secret;
      return Promise.resolve();
    },
    clear() {
      saved = null;
    },
  };
}

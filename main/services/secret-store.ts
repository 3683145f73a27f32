// One secret (the model's API key) at rest. The shell implements it with Electron's safeStorage,
// like the ClubOS password; tests use the in-memory one. Core code never sees how it is stored.
import type { SecretStorageLevel } from './credential-store';

export interface SecretStore {
  level(): SecretStorageLevel;
  load(): string | null;
  /** Throws when the level is `unavailable`. */
  save(secret: string): void;
  clear(): void;
}

export function memorySecretStore(level: SecretStorageLevel = 'os'): SecretStore {
  let saved: string | null = null;
  return {
    level: () => level,
    load: () => saved,
    save(secret) {
      if (level === 'unavailable') throw new Error('no secure storage for secrets on this system');
      saved = secret;
    },
    clear() {
      saved = null;
    },
  };
}

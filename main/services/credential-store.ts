// Where the ClubOS password lives. The shell implements it with Electron's safeStorage; tests
// use an in-memory one. Core code never sees how it is stored.

export interface Credentials {
  username: string;
  password: string;
  baseUrl: string;
}

/** `os`: an OS keystore encrypts it; `weak`: Linux basic_text (obfuscated, not encrypted); `unavailable`: cannot store. */
export type SecretStorageLevel = 'os' | 'weak' | 'unavailable';

/** Asynchronous, like the OS keystores behind Electron's safeStorage. */
export interface CredentialStore {
  level(): Promise<SecretStorageLevel>;
  load(): Promise<Credentials | null>;
  /** Rejects when the level is `unavailable`. */
  save(credentials: Credentials): Promise<void>;
  clear(): void;
}

export function memoryCredentialStore(level: SecretStorageLevel = 'os'): CredentialStore {
  let saved: Credentials | null = null;
  return {
    level: () => Promise.resolve(level),
    load: () => Promise.resolve(saved ? { ...saved } : null),
    save(c) {
      if (level === 'unavailable') return Promise.reject(new Error('no secure storage for credentials on this system'));
      saved = { ...c };
      return Promise.resolve();
    },
    clear() {
      saved = null;
    },
  };
}

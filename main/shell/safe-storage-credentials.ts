// The ClubOS password at rest: encrypted by Electron's safeStorage (the OS keystore) into a
// 0600 JSON file in userData. The clear password exists only in memory.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SafeStorage } from 'electron';
import { z } from 'zod';
import { AppError } from '../../common/errors/app-error';
import type { CredentialStore, Credentials, SecretStorageLevel } from '../services/credential-store';
import type { Logger } from '../../common/log/logger';

// Only the asynchronous calls: the synchronous ones are deprecated since Electron 45. Files that
// the synchronous encryptString wrote decrypt with decryptStringAsync.
export type SafeStorageLike = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

export interface SafeStorageCredentialOptions {
  /** The credentials file, e.g. `<userData>/credentials.json`. */
  file: string;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  logger: Logger;
}

const fileSchema = z
  .object({
    username: z.string().min(1),
    baseUrl: z.string().min(1),
    /** base64 of safeStorage's encrypted bytes. */
    password: z.base64().min(1),
  })
  .strict();

export function safeStorageCredentialStore({ file, safeStorage, platform, logger }: SafeStorageCredentialOptions): CredentialStore {
  const level = async (): Promise<SecretStorageLevel> => {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'unavailable';
    if (platform !== 'linux') return 'os';
    // basic_text encrypts with a key baked into Chromium: obfuscation, not protection. Before
    // `ready` the backend is `unknown`; it cannot be vouched for either.
    const backend = safeStorage.getSelectedStorageBackend();
    return backend === 'basic_text' || backend === 'unknown' ? 'weak' : 'os';
  };

  const write = async (credentials: Credentials): Promise<void> => {
    const encrypted = (await safeStorage.encryptStringAsync(credentials.password)).toString('base64');
    const content = JSON.stringify({ username: credentials.username, baseUrl: credentials.baseUrl, password: encrypted });
    mkdirSync(dirname(file), { recursive: true });
    // Written beside the target and renamed, so a crash never leaves half a file.
    const temp = `${file}.tmp`;
    writeFileSync(temp, content, { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, file);
  };

  return {
    level,
    async load() {
      if (!existsSync(file)) return null;
      if ((await level()) === 'unavailable') {
        logger.warn('saved ClubOS credentials cannot be decrypted: no secure storage on this system');
        return null;
      }
      let credentials: Credentials;
      let reEncrypt: boolean;
      try {
        const saved = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
        const decrypted = await safeStorage.decryptStringAsync(Buffer.from(saved.password, 'base64'));
        credentials = { username: saved.username, baseUrl: saved.baseUrl, password: decrypted.result };
        reEncrypt = decrypted.shouldReEncrypt;
      } catch (error) {
        // A keystore that changed (new OS profile, reinstalled keyring) cannot decrypt the old
        // file: the user signs in again, which replaces it.
        logger.warn('saved ClubOS credentials are unreadable; sign in again', { error });
        return null;
      }
      if (reEncrypt) {
        // The keystore rotated its key (or offers a stronger one): store it under the new one.
        try {
          await write(credentials);
          logger.info('ClubOS credentials re-encrypted with the keystore\'s current key');
        } catch (error) {
          logger.warn('re-encrypting the saved ClubOS credentials failed; the old copy still works', { error });
        }
      }
      return credentials;
    },
    async save(credentials: Credentials) {
      const storage = await level();
      if (storage === 'unavailable') {
        throw new AppError('insecure_storage', 'This system offers no secure storage for the ClubOS password, so it cannot be saved.');
      }
      await write(credentials);
      if (storage === 'weak') {
        logger.warn('ClubOS password saved with basic_text storage: obfuscated, not encrypted by a keystore', { username: credentials.username });
      } else {
        logger.info('ClubOS credentials saved', { username: credentials.username, baseUrl: credentials.baseUrl });
      }
    },
    clear() {
      rmSync(file, { force: true });
      rmSync(`${file}.tmp`, { force: true });
      logger.info('ClubOS credentials removed');
    },
  };
}

// The model API key at rest: encrypted by Electron's safeStorage (the OS keystore) into a 0600
// JSON file in userData, exactly like the ClubOS password. The clear key exists only in memory.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../common/errors/app-error';
import type { SecretStorageLevel } from '../services/credential-store';
import type { SecretStore } from '../services/secret-store';
import type { Logger } from '../../common/log/logger';
import type { SafeStorageLike } from './safe-storage-credentials';

export interface SafeStorageSecretOptions {
  /** e.g. `<userData>/model-key.json`. */
  file: string;
  /** For the log only: what the secret is. */
  label: string;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  logger: Logger;
}

const fileSchema = z.object({ secret: z.base64().min(1) }).strict();

export function safeStorageSecretStore({ file, label, safeStorage, platform, logger }: SafeStorageSecretOptions): SecretStore {
  const level = async (): Promise<SecretStorageLevel> => {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'unavailable';
    if (platform !== 'linux') return 'os';
    const backend = safeStorage.getSelectedStorageBackend();
    return backend === 'basic_text' || backend === 'unknown' ? 'weak' : 'os';
  };
  return {
    level,
    async load() {
      if (!existsSync(file) || (await level()) === 'unavailable') return null;
      try {
        const saved = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
        // Only the asynchronous safeStorage calls (the synchronous ones are deprecated since Electron 45).
        return (await safeStorage.decryptStringAsync(Buffer.from(saved.secret, 'base64'))).result;
      } catch (error) {
        logger.warn(`the saved ${label} is unreadable; enter it again`, { error });
        return null;
      }
    },
    async save(secret) {
      const storage = await level();
      if (storage === 'unavailable') throw new AppError('insecure_storage', `This system offers no secure storage for the ${label}, so it cannot be saved.`);
      const content = JSON.stringify({ secret: (await safeStorage.encryptStringAsync(secret)).toString('base64') });
      mkdirSync(dirname(file), { recursive: true });
      const temp = `${file}.tmp`;
      writeFileSync(temp, content, { mode: 0o600 });
      chmodSync(temp, 0o600);
      renameSync(temp, file);
      if (storage === 'weak') logger.warn(`${label} saved with basic_text storage: obfuscated, not encrypted by a keystore`);
      else logger.info(`${label} saved`);
    },
    clear() {
      rmSync(file, { force: true });
      rmSync(`${file}.tmp`, { force: true });
      logger.info(`${label} removed`);
    },
  };
}

// One request, from untrusted arguments to an `Outcome`: check that they are plain data, parse
// them with the contract's schema, run the handler, turn any failure into `{ code, message }`.
// Electron IPC and the browser test bridge both call this, so they cannot disagree.
import { channels, type ChannelName, type Handlers, type Outcome, type Result } from '../../common/contract';
import type { Logger } from '../../common/log/logger';
import { toApiError } from '../../common/errors/app-error';
import { plainDataProblem } from './plain-data';

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

export async function dispatch<K extends ChannelName>(
  handlers: Handlers,
  name: K,
  rawArgs: unknown,
  logger: Logger,
): Promise<Outcome<Result<K>>> {
  const refuse = (detail: string): Outcome<never> => ({ ok: false, error: { code: 'invalid_argument', message: `${name}: ${detail}` } });
  if (rawArgs === null || typeof rawArgs !== 'object' || Array.isArray(rawArgs)) return refuse('expected one argument object');
  const notData = plainDataProblem(rawArgs);
  if (notData) return refuse(notData);
  const parsed = channels[name].args.safeParse(rawArgs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, error: { code: 'invalid_argument', message: `${name}: ${where}${issue?.message ?? 'invalid arguments'}` } };
  }
  try {
    const handler = handlers[name] as (args: unknown) => Promise<Result<K>>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.code === 'internal') logger.error(`${name} failed`, { error });
    else logger.info(`${name} refused`, { code: apiError.code });
    return { ok: false, error: apiError };
  }
}

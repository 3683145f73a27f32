// The sign-in form, checked before it is sent: the same limits as the contract, with messages a
// person can act on.
import { z } from 'zod';
import { toFormResult, type FormResult } from './form-result';

export interface SignInInput {
  username: string;
  password: string;
  /** Empty = the standard ClubOS address. */
  baseUrl: string;
}

export interface SignInValues {
  username: string;
  password: string;
  baseUrl?: string;
}

export type SignInField = keyof SignInInput;
const FIELDS: readonly SignInField[] = ['username', 'password', 'baseUrl'];

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

const schema = z.object({
  username: z.string().trim().min(1, 'Enter your ClubOS username.').max(200, 'That username is too long.'),
  password: z.string().min(1, 'Enter your password.').max(200, 'That password is too long.'),
  baseUrl: z
    .string()
    .trim()
    .max(200, 'That address is too long.')
    .refine((url) => url === '' || isHttpsUrl(url), 'Enter an https:// address, such as https://anytime.club-os.com.'),
});

export function validateSignIn(input: SignInInput): FormResult<SignInValues, SignInField> {
  const result = toFormResult(schema.safeParse(input), FIELDS);
  if (!result.ok) return result;
  const { username, password, baseUrl } = result.values;
  return { ok: true, values: baseUrl === '' ? { username, password } : { username, password, baseUrl } };
}

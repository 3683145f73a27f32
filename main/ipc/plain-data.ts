// Request arguments are data, nothing else: plain objects (prototype Object.prototype), arrays,
// strings, numbers, booleans and null. zod's object schemas look only at the keys they know, so
// without this check `null`, a Date or a Map would pass as `{}`, and a field explicitly set to
// `undefined` would reach a handler that treats "present" and "absent" differently. Electron's
// structured clone and the test bridge's JSON both deliver plain data, so the app's own window
// never trips this; anything else is not our preload.
const MAX_DEPTH = 16;

/** Why `value` is not plain data (with the path to the offending part), or null when it is. */
export function plainDataProblem(value: unknown, path: readonly (string | number)[] = [], depth = 0): string | null {
  const where = path.length > 0 ? `${path.join('.')}: ` : '';
  if (value === undefined) return `${where}undefined is not allowed (leave the field out instead)`;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return null;
  if (typeof value !== 'object') return `${where}a ${typeof value} is not data`;
  if (depth >= MAX_DEPTH) return `${where}nested too deeply`;
  const proto: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    if (proto !== Array.prototype) return `${where}expected a plain array`;
    for (let i = 0; i < value.length; i++) {
      if (!Object.prototype.hasOwnProperty.call(value, i)) return `${[...path, i].join('.')}: an array may not have holes`;
      const problem = plainDataProblem(value[i] as unknown, [...path, i], depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (proto !== Object.prototype) return `${where}expected a plain object, not ${describe(value)}`;
  if (Object.getOwnPropertySymbols(value).length > 0) return `${where}symbol keys are not allowed`;
  for (const key of Object.getOwnPropertyNames(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (!descriptor || !('value' in descriptor) || !descriptor.enumerable) return `${[...path, key].join('.')}: not a plain data field`;
    const problem = plainDataProblem(descriptor.value as unknown, [...path, key], depth + 1);
    if (problem) return problem;
  }
  return null;
}

function describe(value: object): string {
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object without a prototype';
}

/**
 * The strings the first screen shows before the whole dictionary has loaded: the shell, the welcome
 * and unlock screens and their links. Both languages of these travel in the entry chunk (built by
 * scripts/first-screen-strings-plugin.ts from en.ts and fr.ts), so switching language on the first
 * screen is immediate; the rest of the active language loads with the store or the next screen
 * (create-i18n.ts). A key missing here still shows: asking for it loads the whole dictionary.
 */
export const FIRST_SCREEN_KEYS = [
  'app',
  'language',
  'nav',
  'errors',
  'vault.welcome',
  'vault.unlock',
  'vault.passphrase',
  'vault.kdf',
  'emergency.lockScreen.button',
  'legal.footer',
  'legal.emergency',
  'sync.signIn.link',
  'backup.restoreLink',
] as const;

type Tree = { readonly [key: string]: unknown };

const isTree = (value: unknown): value is Tree =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The part of `dictionary` under the dotted `keys` (whole subtrees), nested as in the original. */
export function pickKeys(dictionary: Tree, keys: readonly string[]): Tree {
  const picked: Record<string, unknown> = {};
  for (const key of keys) {
    const path = key.split('.');
    let from: unknown = dictionary;
    let into = picked;
    for (const [i, part] of path.entries()) {
      if (!isTree(from) || !(part in from)) throw new Error(`no string "${key}" in the dictionary`);
      from = from[part];
      if (i === path.length - 1) into[part] = from;
      else {
        into[part] ??= {};
        into = into[part] as Record<string, unknown>;
      }
    }
  }
  return picked;
}

/**
 * French elision before a name put into a template: "le dossier de {{ name }}" must read
 * "le dossier d’Alice", "d’Hugo", "d’Émile", but "de Bruno". A template cannot know the name, so
 * the preposition is fixed once the value is known. Before a mute h the word elides too; names
 * beginning with an aspirated h (rare) or with a consonantal y ("de Yann") keep "de".
 */
const ELIDES = /^[aeiouhàâäéèêëîïôöùûüæœ]/i;

/** Whether "de" becomes "d’" before `word`. */
export function elidesBefore(word: string): boolean {
  return ELIDES.test(word.trimStart());
}

/** Rewrites `de {{ key }}` (and `De {{ key }}`) as `d’{{ key }}` when that value calls for it. */
export function elideTemplate(template: string, args: Readonly<Record<string, unknown>>): string {
  return template.replace(/\b([Dd])e \{\{\s*(\w+)\s*\}\}/g, (whole, d: string, key: string) => {
    const value = args[key];
    return typeof value === 'string' && elidesBefore(value) ? `${d}’{{ ${key} }}` : whole;
  });
}

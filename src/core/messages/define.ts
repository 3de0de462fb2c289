/** One catalogue entry: the same message in each language, as ICU MessageFormat. */
export interface Entry {
  nb: string;
  en: string;
  sv: string;
}

/** Each domain file declares its messages so; the key type stays literal. */
export function defineMessages<K extends string>(entries: Record<K, Entry>): Record<K, Entry> {
  return entries;
}

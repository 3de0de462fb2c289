/** Every benefit and error the engine produces carries its reason in both languages. */
export type Locale = 'nb' | 'en';
export interface Text {
  nb: string;
  en: string;
}
export function text(nb: string, en: string): Text {
  return { nb, en };
}

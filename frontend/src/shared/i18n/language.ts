export type Language = 'zh-CN' | 'en';

export const LANGUAGE_STORAGE_KEY = 'callcenter.lang';
export const languages: readonly Language[] = ['zh-CN', 'en'];

/** zh for any zh-* browser language, else English. */
export function languageFromBrowser(browserLanguage: string | undefined): Language {
  return browserLanguage?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Remembered choice first, then the browser's language. */
export function detectLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (stored && (languages as readonly string[]).includes(stored)) return stored as Language;
  } catch {
    // storage unavailable (privacy mode): fall back to the browser
  }
  return languageFromBrowser(typeof navigator === 'undefined' ? undefined : navigator.language);
}

export function rememberLanguage(lang: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // ignore: the choice just won't survive a reload
  }
}

import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';
import admEn from './adm.en.json';
import admZhCN from './adm.zh-CN.json';
import type { Language } from './language';

export const resources = {
  en: { translation: { ...en, adm: admEn } }, // adm: the admin reference-data pages (own files: fewer merge conflicts)
  'zh-CN': { translation: { ...zhCN, adm: admZhCN } },
} as const;

/** A fresh, synchronously initialised i18next instance (one per app; tests make their own). */
export function createI18n(lng: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-CN'],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

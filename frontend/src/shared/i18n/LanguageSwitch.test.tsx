import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LoginPage } from '../../features/auth/components/LoginPage';
import { renderWith } from '../../test/render';
import en from './en.json';
import { detectLanguage, LANGUAGE_STORAGE_KEY, languageFromBrowser } from './language';
import zhCN from './zh-CN.json';

describe('language switch', () => {
  it('switches every text between English and Chinese and remembers the choice', async () => {
    const user = userEvent.setup({ delay: null });
    renderWith(<LoginPage centerTitle="CC" />, { language: 'en' });
    expect(screen.getByRole('button', { name: /Sign in/ })).toBeInTheDocument();
    expect(screen.getByText('Username')).toBeInTheDocument();

    await user.click(screen.getByTestId('lang-zh-CN'));

    expect(await screen.findByRole('button', { name: /登\s*录/ })).toBeInTheDocument();
    expect(screen.getByText('用户名')).toBeInTheDocument();
    expect(screen.queryByText('Username')).not.toBeInTheDocument();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');

    await user.click(screen.getByTestId('lang-en'));
    expect(await screen.findByText('Username')).toBeInTheDocument();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('defaults from the browser: zh-* → Chinese, anything else → English; a stored choice wins', () => {
    expect(languageFromBrowser('zh-TW')).toBe('zh-CN');
    expect(languageFromBrowser('zh')).toBe('zh-CN');
    expect(languageFromBrowser('en-GB')).toBe('en');
    expect(languageFromBrowser('de-DE')).toBe('en');
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('zh-CN');
    expect(detectLanguage()).toBe('zh-CN');
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(detectLanguage()).toBe('en');
  });

  it('has the same keys in both languages', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    // plural forms differ by language (English one/other, Chinese a single form): compare the keys without them
    const base = (o: object) => [...new Set(keys(o).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
    expect(base(zhCN)).toEqual(base(en));
  });
});

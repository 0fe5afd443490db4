import { ApiError } from './ApiError';
import type { ProblemDetails } from './types';

/**
 * Downloads a file from the API (same-origin cookies) and hands it to the browser under the server's
 * file name (Content-Disposition) or `fallbackName`. A refusal becomes an ApiError with the problem details.
 * Sends the UI's language (the page's lang), so an Excel report has the screen's column titles.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const language = typeof document === 'undefined' ? '' : document.documentElement.lang;
  const response = await fetch(path, { credentials: 'same-origin', headers: language ? { 'Accept-Language': language } : {} });
  if (!response.ok) {
    let problem: ProblemDetails = { status: response.status, title: response.statusText || `HTTP ${response.status}` };
    try {
      problem = { ...problem, ...(JSON.parse(await response.text()) as ProblemDetails) };
    } catch {
      // not problem details
    }
    throw new ApiError(response.status, problem);
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1_000);
}

/** `attachment; filename=x.xlsx; filename*=UTF-8''x.xlsx` → x.xlsx */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1];
}

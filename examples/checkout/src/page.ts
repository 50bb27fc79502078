// What both views share: the language, the static texts (`data-text` attributes), and the shop backend's sessions.
import { pageLang, TEXTS, type Lang, type Texts } from './i18n';

/** An element the page's HTML has. */
export const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
};

/** Sets the page's language and fills every `data-text` element with its text. */
export const setUpTexts = (): { lang: Lang; t: Texts } => {
  const lang = pageLang();
  const t = TEXTS[lang];
  document.documentElement.lang = lang;
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const text = t[element.dataset.text as keyof Texts];
    if (typeof text === 'string') element.textContent = text;
  }
  return { lang, t };
};

/** Asks the shop's backend for a session (`/api/checkout-session`, `/api/back-office-session`). */
export const session = async <T>(path: string): Promise<T> => {
  const response = await fetch(path, { method: 'POST', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`the shop answered ${response.status} for ${path}`);
  return (await response.json()) as T;
};

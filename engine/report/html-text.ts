// The two-language text of the HTML report: every piece of prose is written twice and CSS
// shows one language at a time (html-style.ts), so the page needs no script to switch.
import { Bilingual } from '../findings/finding';
import { escapeXml as esc } from './escape';

/** Two already-escaped fragments, one per language. */
export const bothHtml = (zh: string, en: string) => `<span class="zh">${zh}</span><span class="en" lang="en">${en}</span>`;

export const both = (zh: string, en: string) => bothHtml(esc(zh), esc(en));

export const bi = (text: Bilingual) => both(text.zh, text.en);

/** Same text in both languages (a code, a number): no switch needed. */
export const plain = (s: string | number) => esc(String(s));

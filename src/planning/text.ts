/**
 * Folds Vietnamese text for matching what people type: no diacritics (đ → d), lower case, single spaces.
 * "Sổ Khai sinh", "so khai sinh" and "SỔ  KHAI SINH" all fold to "so khai sinh".
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** 1972 → "1.972" (vi) or "1,972" (en): counts in messages read as people write them. */
export function formatCount(n: number, lang: 'vi' | 'en'): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
}

// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.

export const publicCardEn = {} as const;

export const publicCardFr: { readonly [K in keyof typeof publicCardEn]: string } = {};

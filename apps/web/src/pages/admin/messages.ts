// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.

export const adminEn = {} as const;

export const adminFr: { readonly [K in keyof typeof adminEn]: string } = {};

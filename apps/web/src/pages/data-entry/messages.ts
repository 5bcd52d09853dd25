// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.

export const dataEntryEn = {} as const;

export const dataEntryFr: { readonly [K in keyof typeof dataEntryEn]: string } = {};

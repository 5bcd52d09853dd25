// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.

export const seriesEn = {} as const;

export const seriesFr: { readonly [K in keyof typeof seriesEn]: string } = {};

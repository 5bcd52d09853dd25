// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.

export const scorecardsEn = {} as const;

export const scorecardsFr: { readonly [K in keyof typeof scorecardsEn]: string } = {};

// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.

export const importsEn = {} as const;

export const importsFr: { readonly [K in keyof typeof importsEn]: string } = {};

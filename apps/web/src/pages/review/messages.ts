// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.

export const reviewEn = {} as const;

export const reviewFr: { readonly [K in keyof typeof reviewEn]: string } = {};

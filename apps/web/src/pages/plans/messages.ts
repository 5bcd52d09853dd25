// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.

export const plansEn = {} as const;

export const plansFr: { readonly [K in keyof typeof plansEn]: string } = {};

// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.

export const dashboardEn = {} as const;

export const dashboardFr: { readonly [K in keyof typeof dashboardEn]: string } = {};

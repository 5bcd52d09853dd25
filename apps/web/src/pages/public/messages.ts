// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.

export const publicCardEn = {
  'publicCard.title': 'Scorecard',
  'publicCard.kicker': 'Published scorecard',
  'publicCard.goneTitle': 'Scorecard not available',
  'publicCard.gone': 'This scorecard was not found, or it is no longer published.',
  'publicCard.goneHelp':
    'Links to published scorecards stop working when the planning table withdraws them. Ask the table for its current link.',
  'publicCard.footer': 'Published with {app}. Approved figures only; small counts are hidden.',
} as const;

export const publicCardFr: { readonly [K in keyof typeof publicCardEn]: string } = {
  'publicCard.title': 'Tableau de bord',
  'publicCard.kicker': 'Tableau de bord publié',
  'publicCard.goneTitle': 'Tableau de bord indisponible',
  'publicCard.gone': 'Ce tableau de bord est introuvable, ou il n’est plus publié.',
  'publicCard.goneHelp':
    'Les liens vers les tableaux de bord publiés cessent de fonctionner lorsque la table de planification les retire. Demandez à la table son lien actuel.',
  'publicCard.footer':
    'Publié avec {app}. Données approuvées seulement; les petits effectifs sont masqués.',
};

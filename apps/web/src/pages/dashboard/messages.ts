// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.

export const dashboardEn = {
  'dashboard.nav': 'Funder dashboard',
  'dashboard.title': 'Funder dashboard',
  'dashboard.lead':
    'The headline measures of the tables and agencies you fund: approved figures only, with small counts hidden. Download the figures as CSV for your reports.',
  'dashboard.empty': 'You do not fund any planning table or agency yet.',
  'dashboard.cardMissing':
    'This scorecard is not available: it no longer exists, or your access to it has ended.',
  'dashboard.kind.table': 'Planning table',
  'dashboard.kind.organization': 'Agency',
  'dashboard.fullScorecard': 'The full scorecard of {name}',
} as const;

export const dashboardFr: { readonly [K in keyof typeof dashboardEn]: string } = {
  'dashboard.nav': 'Espace bailleur de fonds',
  'dashboard.title': 'Espace bailleur de fonds',
  'dashboard.lead':
    'Les mesures phares des tables et des organismes que vous financez : données approuvées seulement, petits effectifs masqués. Téléchargez les données en CSV pour vos rapports.',
  'dashboard.empty': 'Vous ne financez encore aucune table de planification ni aucun organisme.',
  'dashboard.cardMissing':
    'Ce tableau de bord n’est pas accessible : il n’existe plus, ou votre accès a pris fin.',
  'dashboard.kind.table': 'Table de planification',
  'dashboard.kind.organization': 'Organisme',
  'dashboard.fullScorecard': 'Le tableau de bord complet de {name}',
};

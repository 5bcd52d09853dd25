// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.
// `figures.*` are the shared figure components' (components/figures/).

export const scorecardsEn = {
  'scorecards.publish.summary': 'Publish this scorecard at a secret link',
  'figures.trend.favourable': 'favourable',
  'figures.trend.unfavourable': 'unfavourable',
  'figures.trend.flat': 'flat',
  'figures.trend.upOne': 'Rising for 1 period',
  'figures.trend.upMany': 'Rising for {count} periods in a row',
  'figures.trend.downOne': 'Falling for 1 period',
  'figures.trend.downMany': 'Falling for {count} periods in a row',
  'figures.trend.flatSentence': 'Flat: no clear trend',
  'figures.trend.sentence': '{direction} ({judgement})',

  'figures.status.met': 'Met',
  'figures.status.near': 'Near',
  'figures.status.off': 'Off',
  'figures.status.none': 'No target',

  'figures.value.ratio': '{value} ({numerator}/{denominator})',
  // One label for every suppressed figure, as Statistics Canada prints it; the reason is the
  // same for all of them, so it tells no small count from a figure hidden to protect one.
  'figures.value.suppressed': 'x',
  'figures.value.suppressedWhy': 'Hidden to protect small counts',
  'figures.value.legend': '{mark}: hidden to protect small counts',
  'figures.value.none': 'No figure',
  // The last approved figure of a period reopened for correction, still shown to its readers.
  'figures.revision.mark': '†',
  'figures.revision.spoken': '(under revision)',
  'figures.revision.why': 'Under revision: the last approved figure, being corrected',
  'figures.revision.legend': '{mark} under revision: the last approved figure, being corrected',

  'figures.category.how_much': 'How much did we do?',
  'figures.category.how_well': 'How well did we do it?',
  'figures.category.better_off': 'Is anyone better off?',
  'figures.category.indicator': 'Population indicator',
  'figures.headline': 'Headline measure',

  'figures.baseline.change': '{change} vs baseline',
  'figures.baseline.period': 'Baseline {period}',
  'figures.baseline.periodValue': 'Baseline {period}: {value}',
  'figures.baseline.noChange': 'No change to compare since the baseline ({period})',
  'figures.baseline.none': 'No baseline',

  'figures.plan.none': 'No plan',
  'figures.plan.open': 'Plan: {open} open',
  'figures.plan.openOverdue': 'Plan: {open} open, {overdue} overdue',
  'figures.plan.noOpen': 'Plan: no open actions',

  'figures.export.label': 'Download CSV:',
  'figures.export.groupFor': 'CSV downloads for {name}',
  'figures.export.long': 'Figures (long)',
  'figures.export.wide': 'Figures (wide)',
  'figures.export.scorecard': 'Scorecard',
  'figures.export.busy': 'Preparing the download…',
  'figures.export.done': 'Downloaded {file}',
  'figures.export.failed': 'The download failed: {message}',

  'scorecards.index.lead':
    'Choose a planning table for its collective scorecard, or a partner agency for its own.',
  'scorecards.index.tables': 'Planning tables',
  'scorecards.index.tablesLead':
    'Results for the whole population, their indicators, and what each partner contributes.',
  'scorecards.index.noTables': 'You do not have access to any planning table yet.',
  'scorecards.index.agencies': 'Partner agencies',
  'scorecards.index.agenciesLead': 'Each agency’s programs and their performance measures.',
  'scorecards.index.noAgencies': 'You do not have access to any agency’s scorecard.',
  'scorecards.back': 'All scorecards',
  'scorecards.notFound.table':
    'There is no scorecard here: the planning table does not exist, or you do not have access to it.',
  'scorecards.notFound.organization':
    'There is no scorecard here: the agency does not exist, or you do not have access to it.',
  'scorecards.organization.kicker': 'Partner agency {code}: programs and performance measures',
  'scorecards.empty': 'No measure matches these filters.',

  'scorecards.section.result': 'Result',
  'scorecards.section.shared': 'Shared measures',
  'scorecards.group.indicators': 'Population indicators',
  'scorecards.group.program': 'Program:',
  'scorecards.group.byOrganization': '({organization})',
  'scorecards.row.contributionFrom': 'Contribution from',

  'scorecards.col.measure': 'Measure',
  'scorecards.col.period': 'Period',
  'scorecards.col.latest': 'Latest',
  'scorecards.col.target': 'Target',
  'scorecards.col.trend': 'Trend',
  'scorecards.col.baseline': 'Since baseline',
  'scorecards.col.history': 'History',
  'scorecards.col.plan': 'Turn the curve',

  'scorecards.filter.legend': 'Filter the scorecard',
  'scorecards.filter.period': 'Period',
  'scorecards.filter.latest': 'Latest figures',
  'scorecards.printPeriod': 'Figures up to {period}',
  'scorecards.filter.partner': 'Partner',
  'scorecards.filter.partnerAll': 'All partners',
  'scorecards.filter.category': 'Category',
  'scorecards.filter.categoryAll': 'All categories',
  'scorecards.filter.headlineOnly': 'Headline measures only',
  'scorecards.periods.fiscal_quarter': 'Fiscal quarters',
  'scorecards.periods.fiscal_year': 'Fiscal years',
  'scorecards.periods.quarter': 'Quarters',
  'scorecards.periods.month': 'Months',
  'scorecards.periods.year': 'Years',
  'scorecards.periods.other': 'Other periods',

  'scorecards.view.all': 'All figures, drafts included.',
  'scorecards.view.review':
    'Everything the agencies have submitted, corrections in progress included; drafts never submitted are not shown.',
  'scorecards.view.approved': 'Approved figures only.',
  'scorecards.view.restricted':
    'Approved figures only; counts under {threshold}, and other figures that would reveal them, are hidden.',
  'scorecards.view.restrictedNoThreshold':
    'Approved figures only; small counts, and other figures that would reveal them, are hidden.',
} as const;

export const scorecardsFr: { readonly [K in keyof typeof scorecardsEn]: string } = {
  'scorecards.publish.summary': 'Publier ce tableau de bord à un lien secret',
  'figures.trend.favourable': 'favorable',
  'figures.trend.unfavourable': 'défavorable',
  'figures.trend.flat': 'stable',
  'figures.trend.upOne': 'En hausse depuis 1 période',
  'figures.trend.upMany': 'En hausse depuis {count} périodes consécutives',
  'figures.trend.downOne': 'En baisse depuis 1 période',
  'figures.trend.downMany': 'En baisse depuis {count} périodes consécutives',
  'figures.trend.flatSentence': 'Stable : aucune tendance nette',
  'figures.trend.sentence': '{direction} ({judgement})',

  'figures.status.met': 'Atteinte',
  'figures.status.near': 'Proche',
  'figures.status.off': 'Non atteinte',
  'figures.status.none': 'Aucune cible',

  'figures.value.ratio': '{value} ({numerator}/{denominator})',
  'figures.value.suppressed': 'x',
  'figures.value.suppressedWhy': 'Masqué pour protéger les petits nombres',
  'figures.value.legend': '{mark} : masqué pour protéger les petits nombres',
  'figures.value.none': 'Aucune donnée',
  'figures.revision.mark': '†',
  'figures.revision.spoken': '(en révision)',
  'figures.revision.why': 'En révision : le dernier chiffre approuvé, en cours de correction',
  'figures.revision.legend':
    '{mark} en révision : le dernier chiffre approuvé, en cours de correction',

  'figures.category.how_much': 'Combien avons-nous fait?',
  'figures.category.how_well': 'Avons-nous bien fait?',
  'figures.category.better_off': 'Quelqu’un s’en porte-t-il mieux?',
  'figures.category.indicator': 'Indicateur de population',
  'figures.headline': 'Mesure phare',

  'figures.baseline.change': '{change} depuis la base',
  'figures.baseline.period': 'Base {period}',
  'figures.baseline.periodValue': 'Base {period} : {value}',
  'figures.baseline.noChange': 'Aucun écart à comparer depuis la base ({period})',
  'figures.baseline.none': 'Aucune base',

  'figures.plan.none': 'Aucun plan',
  'figures.plan.open': 'Plan : {open} en cours',
  'figures.plan.openOverdue': 'Plan : {open} en cours, {overdue} en retard',
  'figures.plan.noOpen': 'Plan : aucune action en cours',

  'figures.export.label': 'Télécharger en CSV :',
  'figures.export.groupFor': 'Téléchargements CSV pour {name}',
  'figures.export.long': 'Données (format long)',
  'figures.export.wide': 'Données (format large)',
  'figures.export.scorecard': 'Tableau de bord',
  'figures.export.busy': 'Préparation du téléchargement…',
  'figures.export.done': '{file} téléchargé',
  'figures.export.failed': 'Le téléchargement a échoué : {message}',

  'scorecards.index.lead':
    'Choisissez une table de planification pour son tableau de bord collectif, ou un organisme partenaire pour le sien.',
  'scorecards.index.tables': 'Tables de planification',
  'scorecards.index.tablesLead':
    'Les résultats pour toute la population, leurs indicateurs et la contribution de chaque partenaire.',
  'scorecards.index.noTables': 'Vous n’avez encore accès à aucune table de planification.',
  'scorecards.index.agencies': 'Organismes partenaires',
  'scorecards.index.agenciesLead':
    'Les programmes de chaque organisme et leurs mesures de rendement.',
  'scorecards.index.noAgencies': 'Vous n’avez accès au tableau de bord d’aucun organisme.',
  'scorecards.back': 'Tous les tableaux de bord',
  'scorecards.notFound.table':
    'Aucun tableau de bord ici : la table de planification n’existe pas, ou vous n’y avez pas accès.',
  'scorecards.notFound.organization':
    'Aucun tableau de bord ici : l’organisme n’existe pas, ou vous n’y avez pas accès.',
  'scorecards.organization.kicker':
    'Organisme partenaire {code} : programmes et mesures de rendement',
  'scorecards.empty': 'Aucune mesure ne correspond à ces filtres.',

  'scorecards.section.result': 'Résultat',
  'scorecards.section.shared': 'Mesures communes',
  'scorecards.group.indicators': 'Indicateurs de population',
  'scorecards.group.program': 'Programme :',
  'scorecards.group.byOrganization': '({organization})',
  'scorecards.row.contributionFrom': 'Contribution de',

  'scorecards.col.measure': 'Mesure',
  'scorecards.col.period': 'Période',
  'scorecards.col.latest': 'Dernière donnée',
  'scorecards.col.target': 'Cible',
  'scorecards.col.trend': 'Tendance',
  'scorecards.col.baseline': 'Depuis la base',
  'scorecards.col.history': 'Historique',
  'scorecards.col.plan': 'Infléchir la courbe',

  'scorecards.filter.legend': 'Filtrer le tableau de bord',
  'scorecards.filter.period': 'Période',
  'scorecards.filter.latest': 'Données les plus récentes',
  'scorecards.printPeriod': 'Données jusqu’à {period}',
  'scorecards.filter.partner': 'Partenaire',
  'scorecards.filter.partnerAll': 'Tous les partenaires',
  'scorecards.filter.category': 'Catégorie',
  'scorecards.filter.categoryAll': 'Toutes les catégories',
  'scorecards.filter.headlineOnly': 'Mesures phares seulement',
  'scorecards.periods.fiscal_quarter': 'Trimestres financiers',
  'scorecards.periods.fiscal_year': 'Exercices financiers',
  'scorecards.periods.quarter': 'Trimestres',
  'scorecards.periods.month': 'Mois',
  'scorecards.periods.year': 'Années',
  'scorecards.periods.other': 'Autres périodes',

  'scorecards.view.all': 'Toutes les données, brouillons compris.',
  'scorecards.view.review':
    'Tout ce que les organismes ont soumis, corrections en cours comprises ; les brouillons jamais soumis ne sont pas montrés.',
  'scorecards.view.approved': 'Données approuvées seulement.',
  'scorecards.view.restricted':
    'Données approuvées seulement; les effectifs inférieurs à {threshold}, et les autres données qui permettraient de les retrouver, sont masqués.',
  'scorecards.view.restrictedNoThreshold':
    'Données approuvées seulement; les petits effectifs, et les autres données qui permettraient de les retrouver, sont masqués.',
} as const;

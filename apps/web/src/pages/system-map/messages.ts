// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.

export const systemMapEn = {
  'systemMap.nav': 'System map',
  'systemMap.title': 'System map',
  'systemMap.lead':
    'How the table’s system is built: which agencies run which programs, toward which result, for whom and where. Gaps and possible duplication are marked; open any cell to see the programs behind it.',
  'systemMap.otherTables': 'Other planning tables',
  'systemMap.notFound': 'This planning table does not exist, or you do not have access to it.',
  'systemMap.print': 'Print',

  'systemMap.index.lead': 'Choose a planning table to see its system map.',
  'systemMap.index.tables': 'Planning tables',
  'systemMap.index.none': 'You do not have access to any planning table yet.',

  'systemMap.export.csv': 'Download CSV',
  'systemMap.export.busy': 'Preparing the download…',
  'systemMap.export.done': 'Downloaded {file}',
  'systemMap.export.failed': 'The download failed: {message}',

  'systemMap.filters.legend': 'Filters',
  'systemMap.filters.by': 'Coverage by',
  'systemMap.filters.result': 'Result',
  'systemMap.filters.allResults': 'All results',
  'systemMap.filters.region': 'Region',
  'systemMap.filters.allRegions': 'All regions',
  'systemMap.filters.ageGroup': 'Age group',
  'systemMap.filters.allAges': 'All age groups',
  'systemMap.filters.serviceType': 'Service type',
  'systemMap.filters.allServiceTypes': 'All service types',
  'systemMap.filters.frenchOnly': 'French-language services only',
  'systemMap.filters.printed': 'Shown: {filters}',

  'systemMap.by.region': 'Region',
  'systemMap.by.age_group': 'Age group',

  'systemMap.matrix.title': 'Who contributes to what',
  'systemMap.matrix.lead':
    'Each partner agency’s programs under the results they contribute to, with their headline measures’ target status and current trend.',
  'systemMap.matrix.caption':
    'Partner agencies and the results their programs contribute to, with each program’s headline measures',
  'systemMap.matrix.agency': 'Partner agency',
  'systemMap.matrix.noProgram': 'No contributing program',
  'systemMap.matrix.noHeadline': 'No headline measure',
  'systemMap.matrix.noResults': 'This table has no result to show.',
  'systemMap.matrix.noPartners': 'No partner program contributes to these results yet.',

  'systemMap.trend.up': 'Rising',
  'systemMap.trend.down': 'Falling',
  'systemMap.trend.flat': 'Flat: no clear trend',
  'systemMap.trend.sentence': '{direction} ({judgement})',

  'systemMap.grid.title': 'Service coverage',
  'systemMap.grid.titleFrench': 'Service coverage in French',
  'systemMap.grid.lead':
    'How many programs offer each service where, and their total capacity (clients a year).',
  'systemMap.grid.captionRegion': 'Programs and capacity by service type and region',
  'systemMap.grid.captionAge': 'Programs and capacity by service type and age group',
  'systemMap.grid.captionFrenchRegion':
    'French-language programs and capacity by service type and region',
  'systemMap.grid.captionFrenchAge':
    'French-language programs and capacity by service type and age group',
  'systemMap.grid.serviceType': 'Service type',
  'systemMap.grid.noRegions': 'No regions are defined yet, so there is no coverage to show.',
  'systemMap.grid.noAges': 'No age groups are defined yet, so there is no coverage to show.',

  'systemMap.status.gap': 'Gap',
  'systemMap.status.duplication': 'Possible duplication',
  'systemMap.status.covered': 'Covered',

  'systemMap.legend.gap': 'No program offers this service here.',
  'systemMap.legend.duplicationRegion':
    'Two or more programs offer this service here to a common age group. They may be complementary: the table decides.',
  'systemMap.legend.duplicationAge':
    'Two or more programs offer this service to this age group in a common region. They may be complementary: the table decides.',
  'systemMap.legend.covered':
    'At least one program offers this service here (no mark in the grid).',

  'systemMap.cell.where': '{service}, {value}:',
  'systemMap.cell.noProgram': 'No program',
  'systemMap.cell.programOne': '1 program',
  'systemMap.cell.programMany': '{count} programs',
  'systemMap.cell.capacity': '{capacity} a year',
  'systemMap.cell.capacityUnknown': 'Capacity not stated',

  'systemMap.details.title': '{service} · {value}',
  'systemMap.details.caption': 'Programs offering {service}: {value}',
  'systemMap.details.program': 'Program',
  'systemMap.details.agency': 'Agency',
  'systemMap.details.profile': 'Profile',
  'systemMap.details.profileLink': 'Profile',
  'systemMap.details.profileOf': 'Profile of {program}',
  'systemMap.details.profileHidden': 'Not shared with you',
  'systemMap.details.gap': 'No partner program offers {service} here ({value}).',
  'systemMap.details.gapFrench': 'No partner program offers {service} in French here ({value}).',
  'systemMap.details.frenchOnly': 'Only the programs that serve in French are counted.',
  'systemMap.details.duplicationNote':
    'These programs also serve a common group. Check whether they complement each other or compete for the same clients.',
  'systemMap.details.close': 'Close',

  'systemMap.callouts.title': 'To look at',
  'systemMap.callouts.unlinkedResults': 'Results with no contributing program ({count})',
  'systemMap.callouts.noUnlinkedResults': 'Every result has at least one contributing program.',
  'systemMap.callouts.unlinkedPrograms': 'Programs contributing to no result ({count})',
  'systemMap.callouts.noUnlinkedPrograms': 'Every partner program contributes to a result.',
  'systemMap.callouts.unprofiled': 'Programs without a profile ({count})',
  'systemMap.callouts.noUnprofiled': 'Every partner program has a profile.',
  'systemMap.callouts.unprofiledLead':
    'They are missing from the coverage grid until their agency fills in the profile.',
  'systemMap.callouts.fillProfile': 'Fill in the profile',
  'systemMap.callouts.fillProfileOf': 'Fill in the profile of {program}',
  'systemMap.callouts.openProfile': 'See the profile',
  'systemMap.callouts.openProfileOf': 'See the profile of {program}',
  'systemMap.callouts.french': 'French-language services',
  'systemMap.callouts.frenchLead': 'Offered here, but by no program serving in French:',
  'systemMap.callouts.frenchGap': '{service} · {value}',
  'systemMap.callouts.frenchEverywhere':
    'Wherever a service is offered, a program also offers it in French.',
  'systemMap.callouts.showFrench': 'Show the French-language grid',

  'systemMap.serviceType.targeted_prevention': 'Targeted prevention',
  'systemMap.serviceType.brief_services': 'Brief services',
  'systemMap.serviceType.counselling_therapy': 'Counselling and therapy',
  'systemMap.serviceType.family_capacity_building':
    'Family and caregiver capacity building and support',
  'systemMap.serviceType.specialized_consultation_assessment':
    'Specialized consultation and assessment',
  'systemMap.serviceType.crisis_support': 'Crisis support services',
  'systemMap.serviceType.intensive_treatment': 'Intensive treatment services',

  'systemMap.language.en': 'English',
  'systemMap.language.fr': 'French',
  'systemMap.language.other': '{name} ({code})',

  'systemMap.profile.title': 'Profile: {program}',
  'systemMap.profile.titleGeneric': 'Program profile',
  'systemMap.profile.back': 'Back to the system map',
  'systemMap.profile.agency': 'Agency: {agency}',
  'systemMap.profile.lead':
    'What the program offers, to whom and where. The system map counts it in the coverage grid from this profile.',
  'systemMap.profile.none': 'This program has no profile yet.',
  'systemMap.profile.updated': 'Last updated {time}',
  'systemMap.profile.readOnly': 'Only the agency’s editors can change this profile.',
  'systemMap.profile.notFound': 'This program does not exist, or you do not have access to it.',
  'systemMap.profile.serviceTypes': 'Service types',
  'systemMap.profile.ageGroups': 'Age groups served',
  'systemMap.profile.regions': 'Regions served',
  'systemMap.profile.languages': 'Languages of service',
  'systemMap.profile.otherLanguages': 'Other languages',
  'systemMap.profile.otherLanguagesHint':
    'ISO 639 codes separated by commas, for example oj, cr, ar.',
  'systemMap.profile.otherLanguagesRead': 'Read as: {names}.',
  'systemMap.profile.languagesInvalid':
    'Not an ISO 639 language code: {codes}. Use two or three letters, such as oj or cr.',
  'systemMap.profile.capacity': 'Capacity (clients a year)',
  'systemMap.profile.capacityHint': 'A whole number; leave it empty if the program states none.',
  'systemMap.profile.capacityInvalid':
    'Enter the capacity as a whole number of clients, from 0 to 10,000,000.',
  'systemMap.profile.capacityNone': 'Not stated',
  'systemMap.profile.noneGiven': 'None given',
  'systemMap.profile.noServiceTypes': 'No service types are defined yet.',
  'systemMap.profile.noAgeGroups': 'No age groups are defined yet.',
  'systemMap.profile.noRegions': 'No regions are defined yet.',
  'systemMap.profile.save': 'Save the profile',
  'systemMap.profile.saving': 'Saving…',
  'systemMap.profile.saved': 'Saved at {time}',
} as const;

export const systemMapFr: { readonly [K in keyof typeof systemMapEn]: string } = {
  'systemMap.nav': 'Carte du système',
  'systemMap.title': 'Carte du système',
  'systemMap.lead':
    'Comment le système de la table est bâti : quels organismes offrent quels programmes, vers quel résultat, pour qui et où. Les lacunes et les chevauchements possibles sont signalés; ouvrez une case pour voir les programmes qu’elle compte.',
  'systemMap.otherTables': 'Autres tables de planification',
  'systemMap.notFound': 'Cette table de planification n’existe pas, ou vous n’y avez pas accès.',
  'systemMap.print': 'Imprimer',

  'systemMap.index.lead': 'Choisissez une table de planification pour voir sa carte du système.',
  'systemMap.index.tables': 'Tables de planification',
  'systemMap.index.none': 'Vous n’avez encore accès à aucune table de planification.',

  'systemMap.export.csv': 'Télécharger en CSV',
  'systemMap.export.busy': 'Préparation du téléchargement…',
  'systemMap.export.done': '{file} téléchargé',
  'systemMap.export.failed': 'Le téléchargement a échoué : {message}',

  'systemMap.filters.legend': 'Filtres',
  'systemMap.filters.by': 'Couverture par',
  'systemMap.filters.result': 'Résultat',
  'systemMap.filters.allResults': 'Tous les résultats',
  'systemMap.filters.region': 'Région',
  'systemMap.filters.allRegions': 'Toutes les régions',
  'systemMap.filters.ageGroup': 'Groupe d’âge',
  'systemMap.filters.allAges': 'Tous les groupes d’âge',
  'systemMap.filters.serviceType': 'Type de service',
  'systemMap.filters.allServiceTypes': 'Tous les types de service',
  'systemMap.filters.frenchOnly': 'Services en français seulement',
  'systemMap.filters.printed': 'Affiché : {filters}',

  'systemMap.by.region': 'Région',
  'systemMap.by.age_group': 'Groupe d’âge',

  'systemMap.matrix.title': 'Qui contribue à quoi',
  'systemMap.matrix.lead':
    'Les programmes de chaque organisme partenaire sous les résultats auxquels ils contribuent, avec l’état par rapport à la cible et la tendance actuelle de leurs mesures phares.',
  'systemMap.matrix.caption':
    'Les organismes partenaires et les résultats auxquels leurs programmes contribuent, avec les mesures phares de chaque programme',
  'systemMap.matrix.agency': 'Organisme partenaire',
  'systemMap.matrix.noProgram': 'Aucun programme contributeur',
  'systemMap.matrix.noHeadline': 'Aucune mesure phare',
  'systemMap.matrix.noResults': 'Cette table n’a aucun résultat à montrer.',
  'systemMap.matrix.noPartners': 'Aucun programme partenaire ne contribue encore à ces résultats.',

  'systemMap.trend.up': 'En hausse',
  'systemMap.trend.down': 'En baisse',
  'systemMap.trend.flat': 'Stable : aucune tendance nette',
  'systemMap.trend.sentence': '{direction} ({judgement})',

  'systemMap.grid.title': 'Couverture des services',
  'systemMap.grid.titleFrench': 'Couverture des services en français',
  'systemMap.grid.lead':
    'Combien de programmes offrent chaque service et où, et leur capacité totale (clients par année).',
  'systemMap.grid.captionRegion': 'Programmes et capacité par type de service et par région',
  'systemMap.grid.captionAge': 'Programmes et capacité par type de service et par groupe d’âge',
  'systemMap.grid.captionFrenchRegion':
    'Programmes en français et capacité par type de service et par région',
  'systemMap.grid.captionFrenchAge':
    'Programmes en français et capacité par type de service et par groupe d’âge',
  'systemMap.grid.serviceType': 'Type de service',
  'systemMap.grid.noRegions':
    'Aucune région n’est encore définie : il n’y a pas de couverture à montrer.',
  'systemMap.grid.noAges':
    'Aucun groupe d’âge n’est encore défini : il n’y a pas de couverture à montrer.',

  'systemMap.status.gap': 'Lacune',
  'systemMap.status.duplication': 'Chevauchement possible',
  'systemMap.status.covered': 'Couvert',

  'systemMap.legend.gap': 'Aucun programme n’offre ce service ici.',
  'systemMap.legend.duplicationRegion':
    'Deux programmes ou plus offrent ce service ici à un même groupe d’âge. Ils peuvent être complémentaires : la table en décide.',
  'systemMap.legend.duplicationAge':
    'Deux programmes ou plus offrent ce service à ce groupe d’âge dans une même région. Ils peuvent être complémentaires : la table en décide.',
  'systemMap.legend.covered':
    'Au moins un programme offre ce service ici (aucune marque dans la grille).',

  'systemMap.cell.where': '{service}, {value} :',
  'systemMap.cell.noProgram': 'Aucun programme',
  'systemMap.cell.programOne': '1 programme',
  'systemMap.cell.programMany': '{count} programmes',
  'systemMap.cell.capacity': '{capacity} par année',
  'systemMap.cell.capacityUnknown': 'Capacité non précisée',

  'systemMap.details.title': '{service} · {value}',
  'systemMap.details.caption': 'Programmes offrant le service « {service} » : {value}',
  'systemMap.details.program': 'Programme',
  'systemMap.details.agency': 'Organisme',
  'systemMap.details.profile': 'Profil',
  'systemMap.details.profileLink': 'Profil',
  'systemMap.details.profileOf': 'Profil de {program}',
  'systemMap.details.profileHidden': 'Non partagé avec vous',
  'systemMap.details.gap':
    'Aucun programme partenaire n’offre le service « {service} » ici ({value}).',
  'systemMap.details.gapFrench':
    'Aucun programme partenaire n’offre le service « {service} » en français ici ({value}).',
  'systemMap.details.frenchOnly': 'Seuls les programmes qui servent en français sont comptés.',
  'systemMap.details.duplicationNote':
    'Ces programmes servent aussi un même groupe. Vérifiez s’ils se complètent ou s’ils se disputent la même clientèle.',
  'systemMap.details.close': 'Fermer',

  'systemMap.callouts.title': 'À examiner',
  'systemMap.callouts.unlinkedResults': 'Résultats sans programme contributeur ({count})',
  'systemMap.callouts.noUnlinkedResults':
    'Chaque résultat compte au moins un programme contributeur.',
  'systemMap.callouts.unlinkedPrograms': 'Programmes qui ne contribuent à aucun résultat ({count})',
  'systemMap.callouts.noUnlinkedPrograms': 'Chaque programme partenaire contribue à un résultat.',
  'systemMap.callouts.unprofiled': 'Programmes sans profil ({count})',
  'systemMap.callouts.noUnprofiled': 'Chaque programme partenaire a un profil.',
  'systemMap.callouts.unprofiledLead':
    'Ils n’apparaissent pas dans la grille de couverture tant que leur organisme n’a pas rempli le profil.',
  'systemMap.callouts.fillProfile': 'Remplir le profil',
  'systemMap.callouts.fillProfileOf': 'Remplir le profil de {program}',
  'systemMap.callouts.openProfile': 'Voir le profil',
  'systemMap.callouts.openProfileOf': 'Voir le profil de {program}',
  'systemMap.callouts.french': 'Services en français',
  'systemMap.callouts.frenchLead': 'Offerts ici, mais par aucun programme qui sert en français :',
  'systemMap.callouts.frenchGap': '{service} · {value}',
  'systemMap.callouts.frenchEverywhere':
    'Partout où un service est offert, un programme l’offre aussi en français.',
  'systemMap.callouts.showFrench': 'Afficher la grille des services en français',

  'systemMap.serviceType.targeted_prevention': 'Prévention ciblée',
  'systemMap.serviceType.brief_services': 'Services brefs',
  'systemMap.serviceType.counselling_therapy': 'Counselling et thérapie',
  'systemMap.serviceType.family_capacity_building':
    'Renforcement des capacités et soutien des familles et des aidants',
  'systemMap.serviceType.specialized_consultation_assessment':
    'Consultation et évaluation spécialisées',
  'systemMap.serviceType.crisis_support': 'Services de soutien en situation de crise',
  'systemMap.serviceType.intensive_treatment': 'Services de traitement intensif',

  'systemMap.language.en': 'Anglais',
  'systemMap.language.fr': 'Français',
  'systemMap.language.other': '{name} ({code})',

  'systemMap.profile.title': 'Profil : {program}',
  'systemMap.profile.titleGeneric': 'Profil du programme',
  'systemMap.profile.back': 'Retour à la carte du système',
  'systemMap.profile.agency': 'Organisme : {agency}',
  'systemMap.profile.lead':
    'Ce que le programme offre, à qui et où. La carte du système le compte dans la grille de couverture à partir de ce profil.',
  'systemMap.profile.none': 'Ce programme n’a pas encore de profil.',
  'systemMap.profile.updated': 'Dernière mise à jour : {time}',
  'systemMap.profile.readOnly': 'Seuls les rédacteurs de l’organisme peuvent modifier ce profil.',
  'systemMap.profile.notFound': 'Ce programme n’existe pas, ou vous n’y avez pas accès.',
  'systemMap.profile.serviceTypes': 'Types de service',
  'systemMap.profile.ageGroups': 'Groupes d’âge servis',
  'systemMap.profile.regions': 'Régions servies',
  'systemMap.profile.languages': 'Langues de service',
  'systemMap.profile.otherLanguages': 'Autres langues',
  'systemMap.profile.otherLanguagesHint':
    'Codes ISO 639 séparés par des virgules, par exemple oj, cr, ar.',
  'systemMap.profile.otherLanguagesRead': 'Compris comme : {names}.',
  'systemMap.profile.languagesInvalid':
    'Ce n’est pas un code de langue ISO 639 : {codes}. Utilisez deux ou trois lettres, comme oj ou cr.',
  'systemMap.profile.capacity': 'Capacité (clients par année)',
  'systemMap.profile.capacityHint':
    'Un nombre entier; laissez le champ vide si le programme n’en précise pas.',
  'systemMap.profile.capacityInvalid':
    'Entrez la capacité en nombre entier de clients, de 0 à 10 000 000.',
  'systemMap.profile.capacityNone': 'Non précisée',
  'systemMap.profile.noneGiven': 'Aucun',
  'systemMap.profile.noServiceTypes': 'Aucun type de service n’est encore défini.',
  'systemMap.profile.noAgeGroups': 'Aucun groupe d’âge n’est encore défini.',
  'systemMap.profile.noRegions': 'Aucune région n’est encore définie.',
  'systemMap.profile.save': 'Enregistrer le profil',
  'systemMap.profile.saving': 'Enregistrement…',
  'systemMap.profile.saved': 'Enregistré à {time}',
} as const;

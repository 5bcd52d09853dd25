// What the demo collaborative is made of: a fictional region's child and youth mental health
// planning table, its eight partner agencies, two funders, results and population indicators.
// The programs and their measures are in demo-programs.ts. Everything named has its French
// name beside the English (`nameFr`, `titleFr`…), as a bilingual table would give it.
import type { DemoQuarterState } from '@rba/schema';

export const DEMO_PASSWORD = 'northshire-demo';

export const DEMO_ACCOUNTS = [
  { key: 'admin', email: 'admin@northshire.example', name: 'Alex Admin', role: 'admin' },
  {
    key: 'coordinator',
    email: 'coordinator@northshire.example',
    name: 'Chantal Coordinator',
    role: 'table_coordinator',
  },
  {
    key: 'member',
    email: 'member@northshire.example',
    name: 'Morgan Member',
    role: 'table_member',
  },
  {
    key: 'editorLead',
    email: 'editor.ncmhc@northshire.example',
    name: 'Priya Patel',
    role: 'partner_editor',
    org: 'NCMHC',
  },
  {
    key: 'editorHub',
    email: 'editor.ywh@northshire.example',
    name: 'Jordan Lee',
    role: 'partner_editor',
    org: 'YWH',
  },
  // One editor for each state of the current quarter a partner can meet (see CURRENT_QUARTER).
  {
    key: 'editorCrisis',
    email: 'editor.ncl@northshire.example',
    name: 'Sam Okafor',
    role: 'partner_editor',
    org: 'NCL',
  },
  {
    key: 'editorHospital',
    email: 'editor.ngh@northshire.example',
    name: 'Dana Whitfield',
    role: 'partner_editor',
    org: 'NGH',
  },
  {
    key: 'editorParents',
    email: 'editor.pcmh@northshire.example',
    name: 'Kim Tran',
    role: 'partner_editor',
    org: 'PCMH',
  },
  // The francophone community health centre's editor works in French: her saved locale is French.
  {
    key: 'editorFrancophone',
    email: 'editor.francophone@northshire.example',
    name: 'Geneviève Lavoie',
    role: 'partner_editor',
    org: 'CSCN',
    locale: 'fr',
  },
  {
    key: 'funder',
    email: 'funder@northshire.example',
    name: 'Frances Funder',
    role: 'funder_viewer',
  },
] as const;

export const TABLE = {
  name: 'Northshire Child and Youth Mental Health Planning Table',
  nameFr: 'Table de planification en santé mentale des enfants et des jeunes de Northshire',
  population: 'Children, youth and young adults aged 0 to 24 living in Northshire',
  populationFr: 'Enfants, adolescents et jeunes adultes de 0 à 24 ans qui vivent à Northshire',
  description:
    'The agencies of the Northshire child and youth mental health system, planning together since 2019.',
  descriptionFr:
    'Les organismes du système de santé mentale des enfants et des jeunes de Northshire, qui planifient ensemble depuis 2019.',
};

export const AGENCIES = [
  {
    code: 'NCMHC',
    name: "Northshire Children's Mental Health Centre (lead agency)",
    nameFr: 'Centre de santé mentale pour enfants de Northshire (organisme responsable)',
  },
  {
    code: 'NGH',
    name: 'Northshire General Hospital – Child and Adolescent Outpatient Service',
    nameFr:
      'Hôpital général de Northshire – Service de consultations externes pour enfants et adolescents',
  },
  {
    code: 'NDSB',
    name: 'Northshire District School Board – Mental Health Team',
    nameFr: 'Conseil scolaire de district de Northshire – Équipe de santé mentale',
  },
  {
    code: 'YWH',
    name: 'Northshire Youth Wellness Hub',
    nameFr: 'Carrefour bien-être pour les jeunes de Northshire',
  },
  {
    code: 'MBFS',
    name: 'Mino-Bimaadiziwin Family Services',
    nameFr: 'Services à la famille Mino-Bimaadiziwin',
  },
  // The francophone agency: its staff work in French, and its name is French in both languages.
  {
    code: 'CSCN',
    name: 'Centre de santé communautaire du Nord',
    nameFr: 'Centre de santé communautaire du Nord',
  },
  { code: 'NCL', name: 'Northshire Crisis Line', nameFr: 'Ligne de crise de Northshire' },
  {
    code: 'PCMH',
    name: "Parents for Children's Mental Health – Northshire",
    nameFr: 'Parents pour la santé mentale des enfants – Northshire',
  },
] as const;

export const FUNDERS = [
  {
    code: 'NCF',
    name: 'Northshire Community Foundation',
    nameFr: 'Fondation communautaire de Northshire',
    scope: 'table',
  },
  {
    code: 'PCYF',
    name: 'Provincial Child and Youth Mental Health Fund',
    nameFr: 'Fonds provincial pour la santé mentale des enfants et des jeunes',
    scope: 'NCMHC',
  },
] as const;

export const DIMENSIONS = [
  {
    code: 'age_group',
    name: 'Age group',
    nameFr: 'Groupe d’âge',
    values: [
      { code: '0_5', label: '0–5', labelFr: '0 à 5 ans' },
      { code: '6_11', label: '6–11', labelFr: '6 à 11 ans' },
      { code: '12_17', label: '12–17', labelFr: '12 à 17 ans' },
      { code: '18_24', label: '18–24', labelFr: '18 à 24 ans' },
    ],
  },
  {
    code: 'gender',
    name: 'Gender',
    nameFr: 'Genre',
    values: [
      { code: 'girls_women', label: 'Girls and women', labelFr: 'Filles et femmes' },
      { code: 'boys_men', label: 'Boys and men', labelFr: 'Garçons et hommes' },
      { code: 'gender_diverse', label: 'Gender diverse', labelFr: 'Diverses identités de genre' },
    ],
  },
  {
    code: 'region',
    name: 'Region',
    nameFr: 'Région',
    values: [
      { code: 'north', label: 'North Shore', labelFr: 'Rive-Nord' },
      { code: 'central', label: 'Central Northshire', labelFr: 'Centre de Northshire' },
      { code: 'south', label: 'South Lakes', labelFr: 'Lacs-du-Sud' },
    ],
  },
] as const;

export const RESULTS = [
  {
    key: 'healthy',
    title: 'All children and youth in Northshire are mentally healthy',
    titleFr: 'Tous les enfants et les jeunes de Northshire sont en bonne santé mentale',
  },
  {
    key: 'belong',
    title: 'All children and youth in Northshire feel they belong',
    titleFr: 'Tous les enfants et les jeunes de Northshire ont un sentiment d’appartenance',
  },
  {
    key: 'help',
    title: 'All families in Northshire get help when and where they need it',
    titleFr:
      'Toutes les familles de Northshire obtiennent de l’aide quand et où elles en ont besoin',
  },
] as const;
export type ResultKey = (typeof RESULTS)[number]['key'];

/** Population indicators whose history is imported from Statistics Canada (Ontario, 12–17). */
export const STATCAN_INDICATORS = [
  {
    result: 'healthy',
    code: 'YOUTH-MH-FAIR-POOR',
    name: 'Youth aged 12–17 who rate their mental health fair or poor (Ontario)',
    nameFr: 'Jeunes de 12 à 17 ans qui jugent leur santé mentale passable ou mauvaise (Ontario)',
    statcan: 'Perceived mental health, fair or poor',
    direction: 'down',
  },
  {
    result: 'healthy',
    code: 'YOUTH-LIFE-SATISFIED',
    name: 'Youth aged 12–17 satisfied or very satisfied with life (Ontario)',
    nameFr: 'Jeunes de 12 à 17 ans satisfaits ou très satisfaits de leur vie (Ontario)',
    statcan: 'Life satisfaction, satisfied or very satisfied',
    direction: 'up',
  },
  {
    result: 'belong',
    code: 'YOUTH-BELONGING',
    name: 'Youth aged 12–17 with a strong sense of belonging to their community (Ontario)',
    nameFr:
      'Jeunes de 12 à 17 ans qui ont un fort sentiment d’appartenance à leur communauté (Ontario)',
    statcan: 'Sense of belonging to local community, somewhat strong or very strong',
    direction: 'up',
  },
] as const;

/** An indicator the table wants but has no data for yet: the data development agenda. */
export const AGENDA_INDICATOR = {
  result: 'help' as ResultKey,
  code: 'FAMILIES-HELP-30D',
  name: 'Families who got help within 30 days of first asking',
  nameFr: 'Familles qui ont obtenu de l’aide dans les 30 jours suivant leur première demande',
  direction: 'up' as const,
  definition:
    'Of families who asked any partner for help, the share who received a first service within 30 days.',
  definitionFr:
    'Parmi les familles qui ont demandé de l’aide à un partenaire, la proportion qui a reçu un premier service dans les 30 jours.',
};

/** The table's two shared measures, which the programs' measures report into. */
export const SHARED_MEASURES = {
  served: {
    code: 'SHARED-SERVED',
    name: '# of children and youth served across the system',
    nameFr: 'Nombre d’enfants et de jeunes servis dans l’ensemble du système',
  },
  improved: {
    code: 'SHARED-IMPROVED',
    name: '% of children and youth whose functioning improved',
    nameFr: 'Pourcentage d’enfants et de jeunes dont le fonctionnement s’est amélioré',
  },
} as const;

/** Where the current quarter stands for each agency. */
/**
 * Where each agency stands in the current quarter. A demo editor walks each state a partner
 * meets: NCMHC approved, YWH submitted, NCL open and partly entered, NGH returned with a note,
 * PCMH not started.
 */
export const CURRENT_QUARTER: Record<string, DemoQuarterState> = {
  NCMHC: 'approved',
  NGH: 'returned',
  NDSB: 'approved',
  YWH: 'submitted',
  MBFS: 'approved',
  CSCN: 'approved',
  NCL: 'in_progress',
  PCMH: 'not_started',
};

export const RETURN_NOTE =
  'The average wait went from 58 to 71 days in one quarter. Please check whether the new referral system double-counted re-referrals before we approve.';

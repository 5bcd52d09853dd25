// The demo's programs, one for each partner agency, with their measures, each named in English
// and French (the francophone agency's in French first). Each measure's curve is described by
// shape (start, slope, a turn) and drawn by a seeded generator (demo-figures.ts).
import type { AGENCIES, ResultKey } from './demo-content.js';

/** A curve's shape: value at the first quarter, change per quarter, and a turn. */
export interface Shape {
  start: number;
  slope: number;
  /** From this quarter index on, the slope becomes `after`. */
  turnAt?: number;
  after?: number;
  noise: number;
}

export type Breakdown = 'age_group' | 'gender';

export interface DemoMeasure {
  code: string;
  name: string;
  nameFr: string;
  category: 'how_much' | 'how_well' | 'better_off';
  unit: 'count' | 'percent' | 'days';
  direction: 'up' | 'down';
  headline?: boolean;
  /** 'served' and 'improved' report the table's two shared measures. */
  shared?: 'served' | 'improved';
  /** Counts: the shape of the count. Percentages: the shape of the denominator and the rate. */
  shape: Shape;
  rate?: Shape;
  breakdown?: Breakdown;
  target?: number;
}

export interface DemoProfile {
  services: string[];
  ageGroups: string[];
  regions: string[];
  languages: string[];
  capacity?: number;
}

export interface DemoProgram {
  agency: (typeof AGENCIES)[number]['code'];
  name: string;
  nameFr: string;
  description: string;
  descriptionFr: string;
  results: ResultKey[];
  /** For the system map. Two counselling programs for 12–17 in Central Northshire overlap. */
  profile: DemoProfile;
  measures: DemoMeasure[];
}

export const PROGRAMS: DemoProgram[] = [
  {
    agency: 'NCMHC',
    name: 'Counselling and Therapy',
    nameFr: 'Counseling et thérapie',
    description: 'Individual and family counselling for children and youth aged 0–17.',
    descriptionFr:
      'Counseling individuel et familial pour les enfants et les jeunes de 0 à 17 ans.',
    results: ['healthy', 'help'],
    profile: {
      services: ['counselling_therapy', 'brief_services'],
      ageGroups: ['6_11', '12_17'],
      regions: ['central', 'south'],
      languages: ['en'],
      capacity: 1400,
    },
    measures: [
      {
        code: 'CT-SERVED',
        name: '# of children and youth served',
        nameFr: 'Nombre d’enfants et de jeunes servis',
        category: 'how_much',
        unit: 'count',
        direction: 'up',
        headline: true,
        shared: 'served',
        shape: { start: 310, slope: 4, noise: 12 },
        breakdown: 'age_group',
        target: 380,
      },
      {
        code: 'CT-WITHIN-30',
        name: '% seen within 30 days of referral',
        nameFr: 'Pourcentage d’enfants et de jeunes vus dans les 30 jours suivant l’aiguillage',
        category: 'how_well',
        unit: 'percent',
        direction: 'up',
        shape: { start: 140, slope: 2, noise: 8 },
        rate: { start: 0.52, slope: -0.012, turnAt: 7, after: 0.025, noise: 0.02 },
        target: 65,
      },
      {
        code: 'CT-IMPROVED',
        name: '% whose functioning improved',
        nameFr: 'Pourcentage d’enfants et de jeunes dont le fonctionnement s’est amélioré',
        category: 'better_off',
        unit: 'percent',
        direction: 'up',
        headline: true,
        shared: 'improved',
        shape: { start: 120, slope: 2, noise: 6 },
        rate: { start: 0.58, slope: 0.008, noise: 0.02 },
        target: 70,
      },
    ],
  },
  {
    agency: 'NGH',
    name: 'Child and Adolescent Outpatient Clinic',
    nameFr: 'Clinique externe pour enfants et adolescents',
    description: 'Psychiatric assessment and treatment for youth referred by physicians.',
    descriptionFr:
      'Évaluation et traitement psychiatriques pour les jeunes orientés par leur médecin.',
    results: ['healthy', 'help'],
    profile: {
      services: [
        'specialized_consultation_assessment',
        'intensive_treatment',
        'counselling_therapy',
      ],
      ageGroups: ['12_17'],
      regions: ['central'],
      languages: ['en'],
      capacity: 650,
    },
    measures: [
      {
        code: 'OP-SERVED',
        name: '# of youth served',
        nameFr: 'Nombre de jeunes servis',
        category: 'how_much',
        unit: 'count',
        direction: 'up',
        shared: 'served',
        shape: { start: 180, slope: 1, noise: 9 },
      },
      {
        code: 'OP-WAIT',
        name: 'Average days waited for a first appointment',
        nameFr: 'Nombre moyen de jours d’attente avant un premier rendez-vous',
        category: 'how_well',
        unit: 'days',
        direction: 'down',
        headline: true,
        shape: { start: 62, slope: 1.8, turnAt: 8, after: -3.5, noise: 2.5 },
        target: 45,
      },
      {
        code: 'OP-IMPROVED',
        name: '% whose functioning improved',
        nameFr: 'Pourcentage de jeunes dont le fonctionnement s’est amélioré',
        category: 'better_off',
        unit: 'percent',
        direction: 'up',
        shared: 'improved',
        shape: { start: 90, slope: 1, noise: 5 },
        rate: { start: 0.61, slope: 0.004, noise: 0.025 },
      },
    ],
  },
  {
    agency: 'NDSB',
    name: 'School Mental Health Team',
    nameFr: 'Équipe de santé mentale en milieu scolaire',
    description: 'Brief interventions and classroom mental health literacy in 42 schools.',
    descriptionFr: 'Interventions brèves et littératie en santé mentale en classe, dans 42 écoles.',
    results: ['healthy', 'belong'],
    profile: {
      services: ['targeted_prevention', 'brief_services'],
      ageGroups: ['6_11', '12_17'],
      regions: ['north', 'central', 'south'],
      languages: ['en', 'fr'],
      capacity: 2400,
    },
    measures: [
      {
        code: 'SCH-BRIEF',
        name: '# of students receiving a brief intervention',
        nameFr: 'Nombre d’élèves ayant reçu une intervention brève',
        category: 'how_much',
        unit: 'count',
        direction: 'up',
        shape: { start: 240, slope: 6, noise: 20 },
        breakdown: 'gender',
      },
      {
        code: 'SCH-KNOW-HELP',
        name: '% of students who know where to get help',
        nameFr: 'Pourcentage d’élèves qui savent où obtenir de l’aide',
        category: 'better_off',
        unit: 'percent',
        direction: 'up',
        headline: true,
        shape: { start: 900, slope: 10, noise: 30 },
        rate: { start: 0.64, slope: 0.009, noise: 0.015 },
        target: 80,
      },
    ],
  },
  {
    agency: 'YWH',
    name: 'Youth Wellness Hub drop-in',
    nameFr: 'Accueil sans rendez-vous du Carrefour bien-être',
    description:
      'Walk-in, one-stop services for youth aged 12–24: counselling, peer support, primary care.',
    descriptionFr:
      'Services sans rendez-vous, tous au même endroit, pour les jeunes de 12 à 24 ans : counseling, soutien par les pairs, soins primaires.',
    results: ['healthy', 'belong'],
    profile: {
      services: ['brief_services', 'counselling_therapy'],
      ageGroups: ['12_17', '18_24'],
      regions: ['central'],
      languages: ['en'],
      capacity: 900,
    },
    measures: [
      {
        code: 'HUB-VISITS',
        name: '# of youth visits',
        nameFr: 'Nombre de visites de jeunes',
        category: 'how_much',
        unit: 'count',
        direction: 'up',
        shape: { start: 150, slope: 9, noise: 14 },
        breakdown: 'gender',
      },
      {
        code: 'HUB-SERVED',
        name: '# of youth served',
        nameFr: 'Nombre de jeunes servis',
        category: 'how_much',
        unit: 'count',
        direction: 'up',
        shared: 'served',
        shape: { start: 70, slope: 4, noise: 6 },
      },
      {
        code: 'HUB-BETTER',
        name: '% of youth who feel better after their visit',
        nameFr: 'Pourcentage de jeunes qui se sentent mieux après leur visite',
        category: 'better_off',
        unit: 'percent',
        direction: 'up',
        headline: true,
        shared: 'improved',
        shape: { start: 60, slope: 3, noise: 5 },
        rate: { start: 0.7, slope: 0.005, noise: 0.03 },
        target: 80,
      },
    ],
  },
  {
    agency: 'MBFS',
    name: 'Family Wellness Circle',
    nameFr: 'Cercle de mieux-être familial',
    description:
      'Land-based, culturally grounded family wellness circles led by Elders and Knowledge Keepers.',
    descriptionFr:
      'Des cercles de mieux-être familial sur le territoire, ancrés dans la culture et animés par des Aînés et des Gardiens du savoir.',
    results: ['belong', 'help'],
    profile: {
      services: ['family_capacity_building', 'targeted_prevention'],
      ageGroups: ['0_5', '6_11'],
      regions: ['north'],
      languages: ['en', 'oj'],
      capacity: 60,
    },
    measures: [
      {
        code: 'CIRCLE-FAMILIES',
        name: '# of families taking part',
        nameFr: 'Nombre de familles participantes',
        category: 'how_much',
        unit: 'count',
        direction: 'up',
        headline: true,
        shape: { start: 4, slope: 0.6, noise: 1.2 },
      },
      {
        code: 'CIRCLE-CONNECTED',
        name: '% of families reporting stronger connection',
        nameFr: 'Pourcentage de familles qui disent avoir des liens plus forts',
        category: 'better_off',
        unit: 'percent',
        direction: 'up',
        shape: { start: 4, slope: 0.5, noise: 1 },
        rate: { start: 0.6, slope: 0.01, noise: 0.05 },
      },
    ],
  },
  {
    agency: 'CSCN',
    nameFr: 'Services en santé mentale jeunesse',
    name: 'Youth Mental Health Services',
    descriptionFr: 'Counseling en français pour les enfants, les jeunes et leurs familles.',
    description: 'French-language counselling for children, youth and families.',
    results: ['healthy', 'help'],
    profile: {
      services: ['counselling_therapy', 'brief_services'],
      ageGroups: ['6_11', '12_17'],
      regions: ['central'],
      languages: ['fr'],
      capacity: 220,
    },
    measures: [
      {
        code: 'FR-SERVED',
        nameFr: 'Nombre d’enfants et de jeunes servis en français',
        name: '# of children and youth served in French',
        category: 'how_much',
        unit: 'count',
        direction: 'up',
        shared: 'served',
        shape: { start: 48, slope: -0.8, turnAt: 6, after: 1.6, noise: 3 },
        breakdown: 'age_group',
      },
      {
        code: 'FR-IMPROVED',
        nameFr: 'Pourcentage d’enfants et de jeunes dont le fonctionnement s’est amélioré',
        name: '% whose functioning improved',
        category: 'better_off',
        unit: 'percent',
        direction: 'up',
        shared: 'improved',
        shape: { start: 30, slope: 0.4, noise: 3 },
        rate: { start: 0.55, slope: 0.006, noise: 0.04 },
      },
    ],
  },
  {
    agency: 'NCL',
    name: 'Crisis Line',
    nameFr: 'Ligne de crise',
    description: 'A 24/7 telephone and text crisis line for children, youth and families.',
    descriptionFr:
      'Une ligne de crise par téléphone et par texto, jour et nuit, pour les enfants, les jeunes et les familles.',
    results: ['healthy'],
    profile: {
      services: ['crisis_support'],
      ageGroups: ['6_11', '12_17', '18_24'],
      regions: ['north', 'central', 'south'],
      languages: ['en', 'fr'],
      capacity: 4000,
    },
    measures: [
      {
        code: 'CL-CALLS',
        name: '# of crisis contacts answered',
        nameFr: 'Nombre de contacts de crise pris en charge',
        category: 'how_much',
        unit: 'count',
        direction: 'up',
        shape: { start: 820, slope: 18, noise: 40 },
      },
      {
        code: 'CL-60S',
        name: '% of contacts answered within 60 seconds',
        nameFr: 'Pourcentage de contacts pris en charge en 60 secondes ou moins',
        category: 'how_well',
        unit: 'percent',
        direction: 'up',
        headline: true,
        shape: { start: 820, slope: 18, noise: 40 },
        rate: { start: 0.91, slope: -0.006, noise: 0.01 },
        target: 90,
      },
    ],
  },
  {
    agency: 'PCMH',
    name: 'Parent Peer Support',
    nameFr: 'Soutien par les pairs pour les parents',
    description: 'Trained parents with lived experience supporting other parents.',
    descriptionFr:
      'Des parents formés, qui ont eux-mêmes traversé ces épreuves, soutiennent d’autres parents.',
    results: ['help'],
    profile: {
      services: ['family_capacity_building'],
      ageGroups: ['0_5', '6_11', '12_17'],
      regions: ['central', 'south'],
      languages: ['en'],
      capacity: 180,
    },
    measures: [
      {
        code: 'PEER-PARENTS',
        name: '# of parents supported',
        nameFr: 'Nombre de parents soutenus',
        category: 'how_much',
        unit: 'count',
        direction: 'up',
        shape: { start: 35, slope: 1.5, noise: 4 },
      },
      {
        code: 'PEER-CONFIDENT',
        name: '% of parents more confident supporting their child',
        nameFr: 'Pourcentage de parents plus confiants pour soutenir leur enfant',
        category: 'better_off',
        unit: 'percent',
        direction: 'up',
        headline: true,
        shape: { start: 28, slope: 1, noise: 3 },
        rate: { start: 0.68, slope: 0.006, noise: 0.03 },
      },
    ],
  },
];

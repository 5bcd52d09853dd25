// What the demo collaborative is made of: a fictional region's child and youth mental health
// planning table, its eight partner agencies, two funders, results, programs and measures.
// Curves are described by shape (start, slope, a turn) and drawn by a seeded generator.
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
  {
    key: 'funder',
    email: 'funder@northshire.example',
    name: 'Frances Funder',
    role: 'funder_viewer',
  },
] as const;

export const TABLE = {
  name: 'Northshire Child and Youth Mental Health Planning Table',
  population: 'Children, youth and young adults aged 0 to 24 living in Northshire',
  description:
    'The agencies of the Northshire child and youth mental health system, planning together since 2019.',
};

export const AGENCIES = [
  { code: 'NCMHC', name: "Northshire Children's Mental Health Centre (lead agency)" },
  { code: 'NGH', name: 'Northshire General Hospital – Child and Adolescent Outpatient Service' },
  { code: 'NDSB', name: 'Northshire District School Board – Mental Health Team' },
  { code: 'YWH', name: 'Northshire Youth Wellness Hub' },
  { code: 'MBFS', name: 'Mino-Bimaadiziwin Family Services' },
  { code: 'CSCN', name: 'Centre de santé communautaire du Nord' },
  { code: 'NCL', name: 'Northshire Crisis Line' },
  { code: 'PCMH', name: "Parents for Children's Mental Health – Northshire" },
] as const;

export const FUNDERS = [
  { code: 'NCF', name: 'Northshire Community Foundation', scope: 'table' },
  { code: 'PCYF', name: 'Provincial Child and Youth Mental Health Fund', scope: 'NCMHC' },
] as const;

export const DIMENSIONS = [
  {
    code: 'age_group',
    name: 'Age group',
    values: [
      { code: '0_5', label: '0–5' },
      { code: '6_11', label: '6–11' },
      { code: '12_17', label: '12–17' },
      { code: '18_24', label: '18–24' },
    ],
  },
  {
    code: 'gender',
    name: 'Gender',
    values: [
      { code: 'girls_women', label: 'Girls and women' },
      { code: 'boys_men', label: 'Boys and men' },
      { code: 'gender_diverse', label: 'Gender diverse' },
    ],
  },
  {
    code: 'region',
    name: 'Region',
    values: [
      { code: 'north', label: 'North Shore' },
      { code: 'central', label: 'Central Northshire' },
      { code: 'south', label: 'South Lakes' },
    ],
  },
] as const;

export const RESULTS = [
  { key: 'healthy', title: 'All children and youth in Northshire are mentally healthy' },
  { key: 'belong', title: 'All children and youth in Northshire feel they belong' },
  { key: 'help', title: 'All families in Northshire get help when and where they need it' },
] as const;
export type ResultKey = (typeof RESULTS)[number]['key'];

/** Population indicators whose history is imported from Statistics Canada (Ontario, 12–17). */
export const STATCAN_INDICATORS = [
  {
    result: 'healthy',
    code: 'YOUTH-MH-FAIR-POOR',
    name: 'Youth aged 12–17 who rate their mental health fair or poor (Ontario)',
    statcan: 'Perceived mental health, fair or poor',
    direction: 'down',
  },
  {
    result: 'healthy',
    code: 'YOUTH-LIFE-SATISFIED',
    name: 'Youth aged 12–17 satisfied or very satisfied with life (Ontario)',
    statcan: 'Life satisfaction, satisfied or very satisfied',
    direction: 'up',
  },
  {
    result: 'belong',
    code: 'YOUTH-BELONGING',
    name: 'Youth aged 12–17 with a strong sense of belonging to their community (Ontario)',
    statcan: 'Sense of belonging to local community, somewhat strong or very strong',
    direction: 'up',
  },
] as const;

/** An indicator the table wants but has no data for yet: the data development agenda. */
export const AGENDA_INDICATOR = {
  result: 'help' as ResultKey,
  code: 'FAMILIES-HELP-30D',
  name: 'Families who got help within 30 days of first asking',
  direction: 'up' as const,
};

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
  description: string;
  results: ResultKey[];
  /** For the system map. Two counselling programs for 12–17 in Central Northshire overlap. */
  profile: DemoProfile;
  measures: DemoMeasure[];
}

export const PROGRAMS: DemoProgram[] = [
  {
    agency: 'NCMHC',
    name: 'Counselling and Therapy',
    description: 'Individual and family counselling for children and youth aged 0–17.',
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
    description: 'Psychiatric assessment and treatment for youth referred by physicians.',
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
        category: 'how_much',
        unit: 'count',
        direction: 'up',
        shared: 'served',
        shape: { start: 180, slope: 1, noise: 9 },
      },
      {
        code: 'OP-WAIT',
        name: 'Average days waited for a first appointment',
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
    description: 'Brief interventions and classroom mental health literacy in 42 schools.',
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
        category: 'how_much',
        unit: 'count',
        direction: 'up',
        shape: { start: 240, slope: 6, noise: 20 },
        breakdown: 'gender',
      },
      {
        code: 'SCH-KNOW-HELP',
        name: '% of students who know where to get help',
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
    description:
      'Walk-in, one-stop services for youth aged 12–24: counselling, peer support, primary care.',
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
        category: 'how_much',
        unit: 'count',
        direction: 'up',
        shape: { start: 150, slope: 9, noise: 14 },
        breakdown: 'gender',
      },
      {
        code: 'HUB-SERVED',
        name: '# of youth served',
        category: 'how_much',
        unit: 'count',
        direction: 'up',
        shared: 'served',
        shape: { start: 70, slope: 4, noise: 6 },
      },
      {
        code: 'HUB-BETTER',
        name: '% of youth who feel better after their visit',
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
    description:
      'Land-based, culturally grounded family wellness circles led by Elders and Knowledge Keepers.',
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
        category: 'how_much',
        unit: 'count',
        direction: 'up',
        headline: true,
        shape: { start: 4, slope: 0.6, noise: 1.2 },
      },
      {
        code: 'CIRCLE-CONNECTED',
        name: '% of families reporting stronger connection',
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
    name: 'Services en santé mentale jeunesse',
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
    description: 'A 24/7 telephone and text crisis line for children, youth and families.',
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
        category: 'how_much',
        unit: 'count',
        direction: 'up',
        shape: { start: 820, slope: 18, noise: 40 },
      },
      {
        code: 'CL-60S',
        name: '% of contacts answered within 60 seconds',
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
    description: 'Trained parents with lived experience supporting other parents.',
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
        category: 'how_much',
        unit: 'count',
        direction: 'up',
        shape: { start: 35, slope: 1.5, noise: 4 },
      },
      {
        code: 'PEER-CONFIDENT',
        name: '% of parents more confident supporting their child',
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

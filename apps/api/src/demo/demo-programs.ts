// The demo's programs, one for each partner agency, with their measures. Each measure's curve
// is described by shape (start, slope, a turn) and drawn by a seeded generator (demo-figures.ts).
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

// What the demo collaborative is made of: a fictional region's child and youth mental health
// planning table, its eight partner agencies, two funders, results and population indicators.
// The programs and their measures are in demo-programs.ts.
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

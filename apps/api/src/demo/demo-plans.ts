// The demo's turn-the-curve plans: two population indicators' and two program measures', with
// their story, partners, what works, actions and data development agenda. The francophone
// agency's plan is written in French, by its editor, as its staff would write it.
import type { Actor } from '../access/actor.js';
import { savePlan } from '../curve-plans/curve-plans.service.js';
import type { Db } from '../db/schema.js';

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function seedPlans(
  db: Db,
  s: {
    coordinator: Actor;
    editor: Actor;
    /** The francophone agency's (CSCN) editor. */
    francophoneEditor: Actor;
    today: string;
    indicators: Map<string, string>;
    orgs: Map<string, string>;
    measureId: (code: string) => string;
  },
) {
  const org = (code: string) => s.orgs.get(code) as string;
  await savePlan(db, s.coordinator, s.indicators.get('YOUTH-MH-FAIR-POOR') as string, {
    revision: 0,
    story: {
      forcesUp: [
        {
          text: 'Pandemic isolation and school closures (2020–2022)',
          evidence: 'CCHS 2020–2022; Kids Help Phone volumes',
        },
        {
          text: 'Long waits for counselling push youth towards crisis services',
          evidence: 'NGH wait-time data',
        },
        {
          text: 'Social media pressure, especially for girls',
          evidence: 'School climate survey 2023',
        },
      ],
      forcesDown: [
        { text: 'Less stigma: youth ask for help earlier', evidence: 'Hub intake interviews' },
        { text: 'Walk-in single-session counselling at the Youth Wellness Hub' },
      ],
      narrative:
        'The share of Ontario youth rating their mental health fair or poor tripled between 2015 and 2022, and girls carry most of the rise. Our partners see the same curve in their waiting rooms. Forecast: without change, one youth in five by 2025.',
    },
    partners: [
      { organizationId: org('NCMHC'), role: 'Lead agency: single-session walk-in counselling' },
      { organizationId: org('NDSB'), role: 'Mental health literacy in every grade 7–12 classroom' },
      { organizationId: org('YWH'), role: 'Peer support and evening drop-in hours' },
      { name: 'Northshire Public Library', role: 'Quiet spaces and after-school drop-in hours' },
    ],
    whatWorks: [
      {
        idea: 'Single-session walk-in counselling',
        source: 'Ontario CYMH Centre of Excellence evidence brief',
        cost: 'low_cost',
        chosen: true,
      },
      {
        idea: 'Peer support workers with lived experience',
        source: 'Youth Wellness Hubs Ontario evaluation',
        cost: 'low_cost',
        chosen: true,
      },
      {
        idea: 'Classroom mental health literacy (grades 7–12)',
        source: 'School Mental Health Ontario',
        cost: 'no_cost',
        chosen: true,
      },
      { idea: 'A second full-time child psychiatrist', cost: 'other', chosen: false },
    ],
    actions: [
      {
        title: 'Open walk-in counselling on Saturdays',
        ownerOrganizationId: org('NCMHC'),
        ownerName: 'Priya Patel',
        dueDate: addDays(s.today, -21),
        status: 'in_progress',
      },
      {
        title: 'Train 12 peer support workers',
        ownerOrganizationId: org('YWH'),
        dueDate: addDays(s.today, 45),
        status: 'planned',
      },
      {
        title: 'Roll out literacy lessons in all secondary schools',
        ownerOrganizationId: org('NDSB'),
        dueDate: addDays(s.today, 120),
        status: 'planned',
      },
      {
        title: 'Publish a shared referral directory',
        ownerName: 'Chantal Coordinator',
        dueDate: addDays(s.today, -90),
        status: 'done',
      },
    ],
    dataDevelopmentAgenda: [
      {
        name: 'Northshire-level youth mental health estimates',
        description: 'Oversample Northshire in the next school climate survey.',
      },
      { name: 'Wait time from first call to first service, all partners' },
    ],
  });
  await savePlan(db, s.coordinator, s.indicators.get('YOUTH-BELONGING') as string, {
    revision: 0,
    story: {
      forcesUp: [{ text: 'Youth-led events in the new community hub' }],
      forcesDown: [
        { text: 'Fewer after-school programs since 2020', evidence: 'Recreation department data' },
      ],
      narrative: 'Belonging fell after 2019 and has not recovered.',
    },
    partners: [{ organizationId: org('MBFS'), role: 'Family wellness circles on the land' }],
    whatWorks: [
      { idea: 'Youth advisory councils in every partner agency', cost: 'no_cost', chosen: true },
    ],
    actions: [
      {
        title: 'Start a youth advisory council at the planning table',
        ownerName: 'Chantal Coordinator',
        dueDate: addDays(s.today, 60),
        status: 'planned',
      },
    ],
    dataDevelopmentAgenda: [],
  });
  await savePlan(db, s.editor, s.measureId('CT-WITHIN-30'), {
    revision: 0,
    story: {
      forcesUp: [{ text: 'New intake coordinator since last year' }],
      forcesDown: [{ text: 'Two clinician vacancies' }],
      narrative: 'Timeliness dipped while two positions were vacant, and is recovering.',
    },
    partners: [
      {
        organizationId: org('NGH'),
        role: 'Shares its waitlist so families are offered the first opening',
      },
    ],
    whatWorks: [{ idea: 'Central intake across agencies', cost: 'low_cost', chosen: true }],
    actions: [
      {
        title: 'Fill the two clinician vacancies',
        ownerOrganizationId: org('NCMHC'),
        dueDate: addDays(s.today, 30),
        status: 'in_progress',
      },
    ],
    dataDevelopmentAgenda: [],
  });
  // The curve of children and youth served in French fell while the centre had one clinician,
  // and has been climbing since the second was hired (demo-programs.ts, FR-SERVED).
  await savePlan(db, s.francophoneEditor, s.measureId('FR-SERVED'), {
    revision: 0,
    story: {
      forcesUp: [
        {
          text: 'Une deuxième clinicienne francophone depuis un an et demi',
          evidence: 'Registre des rendez-vous du Centre',
        },
        {
          text: 'Les écoles de langue française nous orientent plus d’élèves',
          evidence: 'Registre des aiguillages',
        },
      ],
      forcesDown: [
        {
          text: 'Bien des familles francophones ignorent que des services existent en français',
          evidence: 'Discussion avec des parents, réunion du conseil d’école',
        },
        { text: 'Faute de place, des jeunes francophones sont servis en anglais ailleurs' },
      ],
      narrative:
        'Le nombre d’enfants et de jeunes servis en français a baissé pendant que le Centre n’avait qu’une clinicienne, puis il remonte depuis l’arrivée de la deuxième. La demande reste plus forte que ce que nous offrons : il faut que les familles nous trouvent dès leur premier appel, peu importe à quelle porte elles frappent.',
    },
    partners: [
      {
        organizationId: org('NCMHC'),
        role: 'Demande la langue de préférence au premier appel et nous oriente les familles francophones',
      },
      {
        organizationId: org('NCL'),
        role: 'Répond en français et nous oriente les jeunes après une crise',
      },
      {
        name: 'Conseil scolaire catholique de Northshire',
        role: 'Présente nos services aux parents de ses écoles',
      },
    ],
    whatWorks: [
      {
        idea: 'L’offre active : proposer le service en français dès le premier contact',
        source: 'Lignes directrices de l’Ontario sur l’offre active des services en français',
        cost: 'no_cost',
        chosen: true,
      },
      { idea: 'Counseling par vidéo pour les familles éloignées', cost: 'low_cost', chosen: true },
      { idea: 'Une troisième clinicienne francophone', cost: 'other', chosen: false },
    ],
    actions: [
      {
        title: 'Former l’accueil de chaque partenaire à l’offre active',
        ownerOrganizationId: org('CSCN'),
        ownerName: 'Geneviève Lavoie',
        dueDate: addDays(s.today, 40),
        status: 'in_progress',
      },
      {
        title: 'Présenter nos services aux conseils d’école francophones',
        ownerOrganizationId: org('CSCN'),
        dueDate: addDays(s.today, 90),
        status: 'planned',
      },
    ],
    dataDevelopmentAgenda: [
      {
        name: 'Jeunes francophones en attente de services',
        description:
          'Noter la langue de préférence à chaque aiguillage, chez tous les partenaires.',
      },
    ],
  });
}

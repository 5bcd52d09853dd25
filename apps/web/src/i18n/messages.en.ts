// The English message catalogue: every user-visible string of the client, by key.

import { curvesEn } from '../charts/messages';
import { figureHistoryEn } from '../components/figure-history/messages';
import { accountEn } from '../pages/account/messages';
import { adminEn } from '../pages/admin/messages';
import { outboxEn } from '../pages/admin/outbox-messages';
import { dashboardEn } from '../pages/dashboard/messages';
import { dataEntryEn } from '../pages/data-entry/messages';
import { homeEn } from '../pages/home/messages';
import { importsEn } from '../pages/imports/messages';
import { loginDemoEn } from '../pages/login/messages';
import { notificationsEn } from '../pages/notifications/messages';
import { partnershipsEn } from '../pages/partnerships/messages';
import { plansEn } from '../pages/plans/messages';
import { publicCardEn } from '../pages/public/messages';
import { reviewEn } from '../pages/review/messages';
import { scorecardsEn } from '../pages/scorecards/messages';
import { seriesEn } from '../pages/series/messages';
import { statusEn } from '../pages/status/messages';
import { systemMapEn } from '../pages/system-map/messages';

const core = {
  'app.name': 'RBA Scorecard',
  'app.tagline': 'Results-Based Accountability for planning tables, partner agencies and funders',
  'app.loading': 'Loading…',
  'app.documentTitle': '{page} · {app}',
  'skipLink.label': 'Skip to main content',

  'language.label': 'Language',
  'language.en': 'English',
  'language.fr': 'Français',

  'login.title': 'Sign in',
  'login.intro': 'Sign in with the email address and password your administrator gave you.',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.signedOut': 'You have signed out.',
  'login.sessionEnded': 'Your session has ended. Please sign in again.',

  'errors.network': 'The server could not be reached. Check your connection and try again.',
  'errors.unexpected': 'Something went wrong (HTTP {status}). Please try again.',
  'errors.loadUser': 'Your account could not be loaded.',
  'errors.retry': 'Try again',

  'shell.navLabel': 'Main',
  'shell.userLabel': 'Account',
  'shell.signedInAs': 'Signed in as {name}',
  'shell.signOut': 'Sign out',
  'shell.signingOut': 'Signing out…',

  'nav.scorecards': 'Scorecards',
  'nav.dataEntry': 'Data entry',
  'nav.plans': 'Turn the curve (plans)',
  'nav.imports': 'Imports',
  'nav.admin': 'Admin',

  'scorecards.title': 'Scorecards',
  'scorecards.lead':
    'Partner and collective scorecards: each result with its indicators, the programs that contribute to it and their performance measures.',
  'scorecards.item1':
    'For every measure: the latest figure, its target and status, the current trend and a small curve of its history.',
  'scorecards.item2':
    'Shared measures with the collective figure and each partner’s contribution beneath it.',
  'scorecards.item3':
    'Filters by period, partner, category and headline measures; funders see approved figures only, with small counts suppressed.',

  'dataEntry.title': 'Data entry',
  'dataEntry.lead':
    'Each quarter, partner agencies enter their program measures here and submit the quarter for review.',
  'dataEntry.item1':
    'A grid that works like a spreadsheet: arrow keys move, Enter saves and moves down, Esc reverts.',
  'dataEntry.item2':
    'Numerator and denominator for percentages, breakdowns by age group, gender or region, and notes.',
  'dataEntry.item3':
    'Submitting the quarter, and the coordinator’s note when a quarter is returned for changes.',

  'plans.title': 'Turn the curve (plans)',
  'plans.lead':
    'Turn-the-curve work for an indicator or a measure: the curve with its baseline and forecast, and the plan to do better.',
  'plans.item1': 'The story behind the curve, the partners with a role to play and what works.',
  'plans.item2': 'An action plan with owners, due dates and status.',
  'plans.item3': 'Every saved revision kept, and a report that prints cleanly.',

  'plans.reportTitle': 'The printable report',
  'plans.reportBody':
    'Every indicator and performance measure has a turn-the-curve report for the meeting room: the curve with its baseline, targets and forecast, then the story behind the curve, the partners, what works and the action plan. It prints on A4 or Letter. The scorecards will link each measure to its report.',

  'report.kicker': 'Turn-the-curve report',
  'report.pageTitle': '{name}: turn-the-curve report',
  'report.back': 'Back',
  'report.print': 'Print',
  'report.code': 'Code {code}',
  'report.periodType.year': 'Yearly figures',
  'report.periodType.quarter': 'Quarterly figures',
  'report.periodType.month': 'Monthly figures',
  'report.periodType.fiscal_year': 'Fiscal-year figures',
  'report.periodType.fiscal_quarter': 'Fiscal-quarter figures',
  'report.direction.up': 'Higher is better',
  'report.direction.down': 'Lower is better',
  'report.generated': 'Generated {date}',
  'report.planRevision': 'Plan revision {revision}, saved {date}',
  'report.noPlan': 'No turn-the-curve plan has been saved for this measure yet.',
  'report.empty': 'Nothing recorded yet.',
  'report.notFound':
    'There is no report at this address: the measure does not exist, or you do not have access to it.',
  'report.loadError': 'The report could not be loaded.',
  'report.link': 'Turn-the-curve report',
  'report.linkFor': 'Turn-the-curve report for {name}',

  'report.headline.label': 'Headline figures',
  'report.headline.latest': 'Latest',
  'report.headline.latestValue': '{value} in {period}',
  'report.headline.suppressedIn': 'in {period}',
  'report.headline.noFigure': 'No figure yet',
  'report.headline.target': 'Target',
  'report.headline.trend': 'Trend',
  'report.headline.baseline': 'Since the baseline',
  'report.status.met': 'Met',
  'report.status.near': 'Near',
  'report.status.off': 'Off',
  'report.status.none': 'No target',
  'report.trend.up': 'Rising, {count} in a row',
  'report.trend.down': 'Falling, {count} in a row',
  'report.trend.flat': 'Flat',
  'report.favourable': 'favourable',
  'report.unfavourable': 'unfavourable',
  'report.baseline.change': '{change} since {period} ({value})',
  'report.baseline.noChange': 'No change to compare since {period}',
  'report.baseline.none': 'No baseline',

  'report.curve.title': '1. The curve',
  'report.story.title': '2. The story behind the curve',
  'report.story.forcesUp': 'Forces pushing the curve up',
  'report.story.forcesDown': 'Forces pushing the curve down',
  'report.story.evidence': 'Evidence: {evidence}',
  'report.story.narrative': 'Narrative',
  'report.partners.title': '3. Partners with a role to play',
  'report.partners.partner': 'Partner',
  'report.partners.role': 'Role',
  'report.partners.unknownOrganization': 'An organization at the table',
  'report.whatWorks.title': '4. What works',
  'report.whatWorks.idea': 'Idea',
  'report.whatWorks.source': 'Source or evidence',
  'report.whatWorks.cost': 'Cost',
  'report.whatWorks.chosen': 'Chosen',
  'report.whatWorks.notChosen': 'Not chosen',
  'report.cost.no_cost': 'No cost',
  'report.cost.low_cost': 'Low cost',
  'report.cost.other': 'Other cost',
  'report.actions.title': '5. The action plan',
  'report.actions.action': 'Action',
  'report.actions.owner': 'Owner',
  'report.actions.due': 'Due',
  'report.actions.status': 'Status',
  'report.actions.noDueDate': 'No date',
  'report.actions.overdue': 'Overdue',
  'report.actions.ownerBoth': '{person} ({organization})',
  'report.actionStatus.planned': 'Planned',
  'report.actionStatus.in_progress': 'In progress',
  'report.actionStatus.done': 'Done',
  'report.actionStatus.dropped': 'Dropped',
  'report.agenda.title': 'Data development agenda',
  'report.agenda.lead': 'Measures wanted but not yet available, in priority order.',

  'chart.caption': 'The curve: {name}',
  'chart.summary.range': 'Line chart of {name} from {from} to {to}.',
  'chart.summary.latest': 'Latest figure {value} in {period}.',
  'chart.summary.baseline': 'Baseline {period}.',
  'chart.summary.forecast': 'Where we are headed, from the latest figures: {value} by {period}.',
  'chart.summary.suppressed': 'Figures hidden to protect small counts are left as gaps.',
  'chart.summary.revision':
    'Under revision (the last approved figure, being corrected): {periods}.',
  'chart.summary.table': 'Every figure is in the table under the chart.',
  'chart.summary.empty': 'There are no figures for {name} yet.',
  'chart.legend.label': 'Legend',
  'chart.legend.actual': 'Actual',
  'chart.legend.target': 'Target',
  'chart.legend.baseline': 'Baseline',
  'chart.legend.forecast': 'Where we are headed (from the latest figures)',
  'chart.legend.band': 'Where we are headed: 80% range',
  'chart.legend.suppressed': 'Hidden to protect small counts: a gap, not zero',
  'chart.legend.revision': 'Under revision: the last approved figure, being corrected',
  'chart.baselineMarker': 'Baseline',
  'chart.table.caption': 'The figures behind the curve',
  'chart.table.period': 'Period',
  'chart.table.actual': 'Actual',
  'chart.table.target': 'Target',
  'chart.table.forecast': 'Where we are headed',
  'chart.table.baseline': 'baseline',

  'imports.title': 'Imports',

  'admin.title': 'Admin',
  'admin.lead': 'Setting up the collaborative, for administrators.',
  'admin.item1': 'Organizations, users and their roles.',
  'admin.item2': 'Planning tables, their partners and reporting periods.',
  'admin.item3':
    'Settings: the fiscal year start, the small-count threshold and the default language.',
  'admin.forbidden': 'Only administrators can open this area.',

  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at this address.',
  'notFound.back': 'Go to the scorecards',
} as const;

/** Every string of the client: the shell's, and each area's own (pages/<area>/messages.ts). */
export const en = {
  ...core,
  ...loginDemoEn,
  ...curvesEn,
  ...scorecardsEn,
  ...seriesEn,
  ...dashboardEn,
  ...publicCardEn,
  ...dataEntryEn,
  ...figureHistoryEn,
  ...reviewEn,
  ...plansEn,
  ...adminEn,
  ...importsEn,
  ...systemMapEn,
  ...accountEn,
  ...homeEn,
  ...statusEn,
  ...notificationsEn,
  ...outboxEn,
  ...partnershipsEn,
} as const;

export type MessageKey = keyof typeof en;

/** A complete catalogue: every English key, each a string. */
export type Messages = { readonly [K in MessageKey]: string };

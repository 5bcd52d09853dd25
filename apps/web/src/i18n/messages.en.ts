// The English message catalogue: every user-visible string of the client, by key.

export const en = {
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

  'placeholder.badge': 'Coming soon',
  'placeholder.notBuilt':
    'This area is not built yet. The navigation is in place so you can see where it will be.',
  'placeholder.willShow': 'What will be here',

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

  'imports.title': 'Imports',
  'imports.lead': 'Bring figures in from spreadsheets, and take them out again.',
  'imports.item1':
    'Upload a CSV file, choose its layout or map its columns, and check every row in a dry run.',
  'imports.item2': 'Commit all rows or none; importing the same file twice changes nothing.',
  'imports.item3': 'CSV exports of figures and scorecards for reports.',

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

export type MessageKey = keyof typeof en;

/** A complete catalogue: every English key, each a string. */
export type Messages = { readonly [K in MessageKey]: string };

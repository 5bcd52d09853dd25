// Strings of the sign-in page's demo accounts, in both languages; the catalogues in i18n/ merge
// every area's.

export const loginDemoEn = {
  'login.demo.title': 'Demo accounts',
  'login.demo.intro':
    'This is the demo database. Choose an account to fill in the form; they all use the password {password}.',
  'login.demo.agencyQuarter': '{organization}: this quarter {state}',
  'login.demo.state.approved': 'approved',
  'login.demo.state.submitted': 'waiting for review',
  'login.demo.state.returned': 'returned with a note',
  'login.demo.state.in_progress': 'open, partly entered',
  'login.demo.state.not_started': 'not started',
} as const;

export const loginDemoFr: Record<keyof typeof loginDemoEn, string> = {
  'login.demo.title': 'Comptes de démonstration',
  'login.demo.intro':
    'Ceci est la base de démonstration. Choisissez un compte pour remplir le formulaire; tous ont le mot de passe {password}.',
  'login.demo.agencyQuarter': '{organization} : ce trimestre {state}',
  'login.demo.state.approved': 'approuvé',
  'login.demo.state.submitted': 'en attente d’examen',
  'login.demo.state.returned': 'renvoyé avec une note',
  'login.demo.state.in_progress': 'ouvert, en partie saisi',
  'login.demo.state.not_started': 'pas commencé',
};

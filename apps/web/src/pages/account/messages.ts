// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.
// The password messages (account.password.*) serve the admin's reset dialog too.

export const accountEn = {
  'account.nav': 'Your account',
  'account.title': 'Your account',
  'account.details.title': 'Your details',
  'account.details.name': 'Name',
  'account.details.email': 'Email',
  'account.details.language': 'Language',
  'account.details.languageHint':
    'The language you choose here or at the top of the page is saved with your account.',
  'account.details.nameHint': 'An administrator can change your name or email address.',

  'account.password.title': 'Change password',
  'account.password.intro':
    'When you change your password, you stay signed in here and are signed out everywhere else (other browsers and devices).',
  'account.password.policyTitle': 'A new password must:',
  'account.password.policy.length':
    'have at least {count} characters (a short sentence works well);',
  'account.password.policy.common': 'not be a commonly used password;',
  'account.password.policy.email': 'not contain your email address or its name part (“{name}”).',
  'account.password.current': 'Current password',
  'account.password.new': 'New password',
  'account.password.confirm': 'Confirm the new password',
  'account.password.submit': 'Change password',
  'account.password.submitting': 'Changing the password…',
  'account.password.changed': 'Password changed. You are signed out everywhere else.',

  'account.password.error.currentRequired': 'Enter your current password.',
  'account.password.error.newRequired': 'Enter a new password.',
  'account.password.error.confirmRequired': 'Enter the new password a second time.',
  'account.password.error.mismatch': 'The two new passwords do not match.',
  'account.password.error.tooShort': 'The password must have at least {count} characters.',
  'account.password.error.tooLong': 'The password must have at most {count} characters.',
  'account.password.error.common':
    'This password is on a list of commonly used passwords. Choose another.',
  'account.password.error.containsEmail':
    'The password must not contain the email address or its name part.',
  'account.password.error.wrong': 'The current password is incorrect.',
  'account.password.error.rateLimited':
    'Too many failed attempts with the current password. Wait a few minutes and try again.',
  'account.password.error.rateLimitedWait':
    'Too many failed attempts with the current password. Wait {wait} and try again.',
  'account.password.wait.seconds': '{seconds} s',
  'account.password.wait.minutes': '{minutes} min',

  'account.reset.button': 'Reset password',
  'account.reset.title': 'Reset the password of {name}',
  'account.reset.intro':
    'Choose a new password for {name}. Every session of theirs ends at once: they must sign in again with the new password.',
  'account.reset.policy':
    'At least {count} characters, not a commonly used password, and not containing their email’s name part (“{name}”).',
  'account.reset.submit': 'Reset the password',
  'account.reset.submitting': 'Resetting…',
  'account.reset.cancel': 'Cancel',
  'account.reset.close': 'Close',
  'account.reset.done':
    'The password of {name} was reset and their sessions were ended. Pass the new password on to them safely: in person or by phone, never in the same message as their email address. They can change it on their account page.',
  'account.reset.section': 'Password',
  'account.reset.hint':
    'An administrator can set a new password when someone has forgotten theirs.',
  'account.reset.self': 'To change your own password, use your account page.',

  'account.email.title': 'E-mail notifications',
  'account.email.intro':
    'Every notification appears under the bell at the top of the page. Choose which of them also come to you by e-mail.',
  'account.email.legend': 'E-mail me about',
  'account.email.reminders': 'Reminders of due dates and surveys',
  'account.email.remindersHint':
    'For agency editors: a quarter your agency has not submitted is coming due, or is overdue; a partnership survey opens, or closes soon and your agency has not answered.',
  'account.email.submissions': 'An agency submitted a quarter',
  'account.email.submissionsHint': 'For coordinators: a quarter awaits your review.',
  'account.email.returns': 'A quarter returned or reopened',
  'account.email.returnsHint':
    'For agency editors: a coordinator returned or reopened your quarter, with a note or reason.',
  'account.email.save': 'Save e-mail choices',
  'account.email.saving': 'Saving…',
  'account.email.saved': 'Your e-mail choices are saved.',
} as const;

export const accountFr: { readonly [K in keyof typeof accountEn]: string } = {
  'account.nav': 'Mon compte',
  'account.title': 'Mon compte',
  'account.details.title': 'Mes renseignements',
  'account.details.name': 'Nom',
  'account.details.email': 'Courriel',
  'account.details.language': 'Langue',
  'account.details.languageHint':
    'La langue choisie ici ou en haut de la page est enregistrée avec votre compte.',
  'account.details.nameHint':
    'Un administrateur peut modifier votre nom ou votre adresse courriel.',

  'account.password.title': 'Changer le mot de passe',
  'account.password.intro':
    'Lorsque vous changez votre mot de passe, votre session reste ouverte ici et est fermée partout ailleurs (autres navigateurs et appareils).',
  'account.password.policyTitle': 'Un nouveau mot de passe doit :',
  'account.password.policy.length':
    'compter au moins {count} caractères (une courte phrase convient très bien) ;',
  'account.password.policy.common': 'ne pas être un mot de passe couramment utilisé ;',
  'account.password.policy.email':
    'ne pas contenir votre adresse courriel ni la partie avant le @ (« {name} »).',
  'account.password.current': 'Mot de passe actuel',
  'account.password.new': 'Nouveau mot de passe',
  'account.password.confirm': 'Confirmer le nouveau mot de passe',
  'account.password.submit': 'Changer le mot de passe',
  'account.password.submitting': 'Changement du mot de passe…',
  'account.password.changed': 'Mot de passe changé. Vos sessions ont été fermées partout ailleurs.',

  'account.password.error.currentRequired': 'Entrez votre mot de passe actuel.',
  'account.password.error.newRequired': 'Entrez un nouveau mot de passe.',
  'account.password.error.confirmRequired': 'Entrez le nouveau mot de passe une deuxième fois.',
  'account.password.error.mismatch': 'Les deux nouveaux mots de passe ne correspondent pas.',
  'account.password.error.tooShort': 'Le mot de passe doit compter au moins {count} caractères.',
  'account.password.error.tooLong': 'Le mot de passe doit compter au plus {count} caractères.',
  'account.password.error.common':
    'Ce mot de passe figure sur une liste de mots de passe couramment utilisés. Choisissez-en un autre.',
  'account.password.error.containsEmail':
    'Le mot de passe ne doit pas contenir l’adresse courriel ni la partie avant le @.',
  'account.password.error.wrong': 'Le mot de passe actuel est incorrect.',
  'account.password.error.rateLimited':
    'Trop de tentatives infructueuses avec le mot de passe actuel. Attendez quelques minutes, puis réessayez.',
  'account.password.error.rateLimitedWait':
    'Trop de tentatives infructueuses avec le mot de passe actuel. Attendez {wait}, puis réessayez.',
  'account.password.wait.seconds': '{seconds} s',
  'account.password.wait.minutes': '{minutes} min',

  'account.reset.button': 'Réinitialiser le mot de passe',
  'account.reset.title': 'Réinitialiser le mot de passe de {name}',
  'account.reset.intro':
    'Choisissez un nouveau mot de passe pour {name}. Toutes ses sessions sont fermées immédiatement : la personne devra se reconnecter avec le nouveau mot de passe.',
  'account.reset.policy':
    'Au moins {count} caractères, pas un mot de passe couramment utilisé, et sans la partie avant le @ de son adresse courriel (« {name} »).',
  'account.reset.submit': 'Réinitialiser le mot de passe',
  'account.reset.submitting': 'Réinitialisation…',
  'account.reset.cancel': 'Annuler',
  'account.reset.close': 'Fermer',
  'account.reset.done':
    'Le mot de passe de {name} a été réinitialisé et ses sessions ont été fermées. Transmettez-lui le nouveau mot de passe de façon sûre : en personne ou par téléphone, jamais dans le même message que son adresse courriel. La personne pourra le changer dans la page de son compte.',
  'account.reset.section': 'Mot de passe',
  'account.reset.hint':
    'Un administrateur peut définir un nouveau mot de passe lorsqu’une personne a oublié le sien.',
  'account.reset.self': 'Pour changer votre propre mot de passe, utilisez la page de votre compte.',

  'account.email.title': 'Notifications par courriel',
  'account.email.intro':
    'Toutes les notifications apparaissent sous la cloche en haut de la page. Choisissez celles qui vous parviennent aussi par courriel.',
  'account.email.legend': 'M’envoyer un courriel pour',
  'account.email.reminders': 'Les rappels d’échéance et les sondages',
  'account.email.remindersHint':
    'Pour les responsables de la saisie : un trimestre que votre organisme n’a pas soumis arrive à échéance, ou est en retard; un sondage sur les partenariats s’ouvre, ou se ferme bientôt sans réponse de votre organisme.',
  'account.email.submissions': 'Un organisme a soumis un trimestre',
  'account.email.submissionsHint': 'Pour la coordination : un trimestre attend votre révision.',
  'account.email.returns': 'Un trimestre renvoyé ou rouvert',
  'account.email.returnsHint':
    'Pour les responsables de la saisie : la coordination a renvoyé ou rouvert votre trimestre, avec une note ou un motif.',
  'account.email.save': 'Enregistrer mes choix',
  'account.email.saving': 'Enregistrement…',
  'account.email.saved': 'Vos choix de courriel sont enregistrés.',
};

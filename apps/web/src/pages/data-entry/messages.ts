// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.

export const dataEntryEn = {
  'dataEntry.pageTitle': 'This quarter',
  'dataEntry.notStaff':
    'Data entry is for the staff of partner agencies: they enter their programs’ figures here each quarter.',
  'dataEntry.toReview': 'Open the review queue',
  'dataEntry.pickOrganization': 'Choose the agency whose figures you want to enter.',
  'dataEntry.notFound':
    'There are no figures here for you: the agency does not exist, or you do not have access to its figures.',
  'dataEntry.organization': 'Agency',
  'dataEntry.chooseOrganization': 'Choose an agency…',

  'dataEntry.status.draft': 'Not submitted',
  'dataEntry.status.submitted': 'Submitted, awaiting review',
  'dataEntry.status.approved': 'Approved',
  'dataEntry.status.returned': 'Returned for changes',
  'dataEntry.status.reopened': 'Reopened for correction',

  'dataEntry.heading.period': 'Figures for {period}',
  'dataEntry.periodNav.previous': 'The quarter before ({period})',
  'dataEntry.periodNav.current': 'Back to the current quarter',

  'dataEntry.returned.title': '{period} was returned for changes',
  'dataEntry.returned.by': '{name} returned it on {date} with this note:',
  'dataEntry.returned.byUnknown': 'The coordinator returned it with this note:',
  'dataEntry.returned.next': 'Correct the figures below, then submit the quarter again.',

  'dataEntry.reopened.title': '{period} was reopened for correction',
  'dataEntry.reopened.by': '{name} reopened it on {date} for this reason:',
  'dataEntry.reopened.byUnknown': 'A coordinator reopened it for this reason:',
  'dataEntry.reopened.next':
    'Correct the figures below, then submit the quarter again. Until it is approved again, funders keep seeing the figures approved before.',

  'dataEntry.lock.title': 'Read only.',
  'dataEntry.lock.submitted':
    'This quarter was submitted on {date}. Its figures are locked while a coordinator reviews them.',
  'dataEntry.lock.approved':
    'This quarter was approved on {date}. Its figures are final: if one must change, a coordinator can reopen the quarter for correction, with a reason.',
  'dataEntry.lock.closed':
    'The reporting period for this quarter has closed. Ask an administrator if a figure must change.',
  'dataEntry.lock.viewOnly': 'You can read this agency’s figures but not change them.',

  'dataEntry.submit.title': 'Submit {period}',
  'dataEntry.submit.lead':
    'When every figure is in, submit the quarter. A coordinator then reviews it and approves it or returns it with a note.',
  'dataEntry.submit.button': 'Submit {period} for review',
  'dataEntry.submit.again': 'Submit {period} again',
  'dataEntry.submit.confirmTitle': 'Submit {period} for review?',
  'dataEntry.submit.confirmBody':
    'The figures lock once submitted: they can change again only if a coordinator returns the quarter or, once it is approved, reopens it for correction with a reason.',
  'dataEntry.submit.unsavedOne': 'One figure is not saved yet. Save or revert it (Esc) first.',
  'dataEntry.submit.unsavedMany':
    '{count} figures are not saved yet. Save or revert them (Esc) first.',
  'dataEntry.submit.confirm': 'Submit',
  'dataEntry.submit.submitting': 'Submitting…',
  'dataEntry.submit.cancel': 'Cancel',
  'dataEntry.submit.anyway': 'Submit anyway',
  'dataEntry.submit.back': 'Go back to the figures',

  'dataEntry.checks.title': 'Checks of the figures',
  'dataEntry.checks.loading': 'Checking the quarter’s figures…',
  'dataEntry.checks.failed':
    'The figures could not be checked just now. You can still submit, or check again.',
  'dataEntry.checks.retry': 'Check again',
  'dataEntry.checks.clear':
    'Every measure has a figure, and none looks far from its earlier quarters.',
  'dataEntry.checks.lookFirst': 'Have a look before you submit: {findings}.',
  'dataEntry.checks.both': '{missing}; {flagged}',
  'dataEntry.checks.missingOne': '1 figure is still empty',
  'dataEntry.checks.missingMany': '{count} figures are still empty',
  'dataEntry.checks.flaggedOne': '1 figure looks wrong',
  'dataEntry.checks.flaggedMany': '{count} figures look wrong',
  'dataEntry.checks.flaggedItem': '{name}: {value} looks far from this figure’s earlier quarters',
  'dataEntry.checks.hint':
    'Nothing stops you submitting. To fill in or fix a figure, or explain it in a note, go back to the figures first.',

  'dataEntry.grid.empty': 'This agency has no measures reported for {period}.',
  'dataEntry.grid.measure': 'Measure',
  'dataEntry.grid.current': '{period} (this quarter)',
  'dataEntry.grid.details': 'Breakdowns and note',
  'dataEntry.grid.headline': 'Headline',

  'dataEntry.category.how_much': 'How much did we do?',
  'dataEntry.category.how_well': 'How well did we do it?',
  'dataEntry.category.better_off': 'Is anyone better off?',
  'dataEntry.category.none': 'Other measures',

  'dataEntry.cell.label': '{name}, {period}',
  'dataEntry.cell.value': '{label}',
  'dataEntry.cell.numerator': 'Numerator: {label}',
  'dataEntry.cell.denominator': 'Denominator: {label}',
  'dataEntry.cell.equals': '= {value}',
  'dataEntry.cell.unsaved': 'Not saved yet',
  'dataEntry.cell.saving': 'Saving…',
  'dataEntry.cell.saved': 'Saved',
  'dataEntry.cell.none': 'No figure',
  'dataEntry.cell.unusual': 'Unusual compared with earlier quarters',

  'dataEntry.details.breakdowns': 'Breakdowns',
  'dataEntry.details.note': 'Note',
  'dataEntry.details.openBreakdowns': 'Breakdowns and note: {name}',
  'dataEntry.details.openNote': 'Note: {name}',

  'dataEntry.conflict.short': 'Changed by someone else',
  'dataEntry.conflict.title': 'Someone else saved {name} while you were editing it.',
  'dataEntry.conflict.theirs': 'Their figure',
  'dataEntry.conflict.mine': 'Yours',
  'dataEntry.conflict.ratio': '{numerator} of {denominator}',
  'dataEntry.conflict.keepMine': 'Keep mine',
  'dataEntry.conflict.takeTheirs': 'Take theirs',

  'dataEntry.panel.close': 'Close',
  'dataEntry.panel.total': 'Total for {period}: {figure}',
  'dataEntry.panel.noBreakdowns': 'This measure is not broken down.',
  'dataEntry.panel.breakdown': 'Breakdown',

  'dataEntry.note.title': 'Note on this quarter’s figure',
  'dataEntry.note.none': 'No note.',
  'dataEntry.note.save': 'Save the note',
  'dataEntry.note.saved': 'Note saved.',

  'dataEntry.history.title': 'History of the figures',
  'dataEntry.history.figure': 'Figure',
  'dataEntry.history.total': 'Total',
  'dataEntry.history.caption': 'History of {figure}, {period}',
  'dataEntry.history.forbidden': 'You cannot see the history of this figure.',

  'dataEntry.figure.ratio': '{value} ({numerator}/{denominator})',
  'dataEntry.figure.points': '{change} pts',
} as const;

export const dataEntryFr: { readonly [K in keyof typeof dataEntryEn]: string } = {
  'dataEntry.pageTitle': 'Ce trimestre',
  'dataEntry.notStaff':
    'La saisie des données est réservée au personnel des organismes partenaires : chaque trimestre, il y saisit les données de ses programmes.',
  'dataEntry.toReview': 'Ouvrir la file de révision',
  'dataEntry.pickOrganization': 'Choisissez l’organisme dont vous voulez saisir les données.',
  'dataEntry.notFound':
    'Aucune donnée ici pour vous : l’organisme n’existe pas, ou vous n’avez pas accès à ses données.',
  'dataEntry.organization': 'Organisme',
  'dataEntry.chooseOrganization': 'Choisir un organisme…',

  'dataEntry.status.draft': 'Non soumis',
  'dataEntry.status.submitted': 'Soumis, en attente de révision',
  'dataEntry.status.approved': 'Approuvé',
  'dataEntry.status.returned': 'Renvoyé pour corrections',
  'dataEntry.status.reopened': 'Rouvert pour correction',

  'dataEntry.heading.period': 'Données de {period}',
  'dataEntry.periodNav.previous': 'Le trimestre précédent ({period})',
  'dataEntry.periodNav.current': 'Revenir au trimestre en cours',

  'dataEntry.returned.title': '{period} a été renvoyé pour corrections',
  'dataEntry.returned.by': '{name} l’a renvoyé le {date} avec cette note :',
  'dataEntry.returned.byUnknown': 'La coordination l’a renvoyé avec cette note :',
  'dataEntry.returned.next':
    'Corrigez les données ci-dessous, puis soumettez de nouveau le trimestre.',

  'dataEntry.reopened.title': '{period} a été rouvert pour correction',
  'dataEntry.reopened.by': '{name} l’a rouvert le {date} pour ce motif :',
  'dataEntry.reopened.byUnknown': 'La coordination l’a rouvert pour ce motif :',
  'dataEntry.reopened.next':
    'Corrigez les données ci-dessous, puis soumettez de nouveau le trimestre. Tant qu’il n’est pas approuvé de nouveau, les bailleurs de fonds continuent de voir les données approuvées auparavant.',

  'dataEntry.lock.title': 'Lecture seule.',
  'dataEntry.lock.submitted':
    'Ce trimestre a été soumis le {date}. Ses données sont verrouillées pendant la révision par la coordination.',
  'dataEntry.lock.approved':
    'Ce trimestre a été approuvé le {date}. Ses données sont définitives : si l’une d’elles doit changer, la coordination peut rouvrir le trimestre pour correction, en indiquant un motif.',
  'dataEntry.lock.closed':
    'La période de déclaration de ce trimestre est close. Adressez-vous à un administrateur si une donnée doit changer.',
  'dataEntry.lock.viewOnly':
    'Vous pouvez consulter les données de cet organisme, mais pas les modifier.',

  'dataEntry.submit.title': 'Soumettre {period}',
  'dataEntry.submit.lead':
    'Une fois toutes les données saisies, soumettez le trimestre. La coordination le révise, puis l’approuve ou le renvoie avec une note.',
  'dataEntry.submit.button': 'Soumettre {period} pour révision',
  'dataEntry.submit.again': 'Soumettre {period} de nouveau',
  'dataEntry.submit.confirmTitle': 'Soumettre {period} pour révision ?',
  'dataEntry.submit.confirmBody':
    'Les données sont verrouillées une fois soumises : elles ne peuvent changer que si la coordination renvoie le trimestre ou, une fois celui-ci approuvé, le rouvre pour correction en indiquant un motif.',
  'dataEntry.submit.unsavedOne':
    'Une donnée n’est pas encore enregistrée. Enregistrez-la ou annulez-la (Échap) d’abord.',
  'dataEntry.submit.unsavedMany':
    '{count} données ne sont pas encore enregistrées. Enregistrez-les ou annulez-les (Échap) d’abord.',
  'dataEntry.submit.confirm': 'Soumettre',
  'dataEntry.submit.submitting': 'Soumission…',
  'dataEntry.submit.cancel': 'Annuler',
  'dataEntry.submit.anyway': 'Soumettre quand même',
  'dataEntry.submit.back': 'Revenir aux données',

  'dataEntry.checks.title': 'Vérification des données',
  'dataEntry.checks.loading': 'Vérification des données du trimestre…',
  'dataEntry.checks.failed':
    'Les données n’ont pas pu être vérifiées pour l’instant. Vous pouvez tout de même soumettre, ou vérifier de nouveau.',
  'dataEntry.checks.retry': 'Vérifier de nouveau',
  'dataEntry.checks.clear':
    'Chaque mesure a une donnée, et aucune ne s’écarte nettement de ses trimestres précédents.',
  'dataEntry.checks.lookFirst': 'À examiner avant de soumettre : {findings}.',
  'dataEntry.checks.both': '{missing} ; {flagged}',
  'dataEntry.checks.missingOne': '1 donnée est encore vide',
  'dataEntry.checks.missingMany': '{count} données sont encore vides',
  'dataEntry.checks.flaggedOne': '1 donnée semble erronée',
  'dataEntry.checks.flaggedMany': '{count} données semblent erronées',
  'dataEntry.checks.flaggedItem':
    '{name} : {value} s’écarte nettement des trimestres précédents de cette donnée',
  'dataEntry.checks.hint':
    'Rien ne vous empêche de soumettre. Pour saisir ou corriger une donnée, ou l’expliquer dans une note, revenez d’abord aux données.',

  'dataEntry.grid.empty': 'Cet organisme n’a aucune mesure déclarée pour {period}.',
  'dataEntry.grid.measure': 'Mesure',
  'dataEntry.grid.current': '{period} (ce trimestre)',
  'dataEntry.grid.details': 'Ventilations et note',
  'dataEntry.grid.headline': 'Mesure phare',

  'dataEntry.category.how_much': 'Combien avons-nous fait ?',
  'dataEntry.category.how_well': 'L’avons-nous bien fait ?',
  'dataEntry.category.better_off': 'Quelqu’un s’en porte-t-il mieux ?',
  'dataEntry.category.none': 'Autres mesures',

  'dataEntry.cell.label': '{name}, {period}',
  'dataEntry.cell.value': '{label}',
  'dataEntry.cell.numerator': 'Numérateur : {label}',
  'dataEntry.cell.denominator': 'Dénominateur : {label}',
  'dataEntry.cell.equals': '= {value}',
  'dataEntry.cell.unsaved': 'Pas encore enregistré',
  'dataEntry.cell.saving': 'Enregistrement…',
  'dataEntry.cell.saved': 'Enregistré',
  'dataEntry.cell.none': 'Aucune donnée',
  'dataEntry.cell.unusual': 'Inhabituel par rapport aux trimestres précédents',

  'dataEntry.details.breakdowns': 'Ventilations',
  'dataEntry.details.note': 'Note',
  'dataEntry.details.openBreakdowns': 'Ventilations et note : {name}',
  'dataEntry.details.openNote': 'Note : {name}',

  'dataEntry.conflict.short': 'Modifié par quelqu’un d’autre',
  'dataEntry.conflict.title':
    'Quelqu’un d’autre a enregistré {name} pendant que vous le modifiiez.',
  'dataEntry.conflict.theirs': 'Sa donnée',
  'dataEntry.conflict.mine': 'La vôtre',
  'dataEntry.conflict.ratio': '{numerator} sur {denominator}',
  'dataEntry.conflict.keepMine': 'Garder la mienne',
  'dataEntry.conflict.takeTheirs': 'Prendre la sienne',

  'dataEntry.panel.close': 'Fermer',
  'dataEntry.panel.total': 'Total pour {period} : {figure}',
  'dataEntry.panel.noBreakdowns': 'Cette mesure n’est pas ventilée.',
  'dataEntry.panel.breakdown': 'Ventilation',

  'dataEntry.note.title': 'Note sur la donnée de ce trimestre',
  'dataEntry.note.none': 'Aucune note.',
  'dataEntry.note.save': 'Enregistrer la note',
  'dataEntry.note.saved': 'Note enregistrée.',

  'dataEntry.history.title': 'Historique des données',
  'dataEntry.history.figure': 'Donnée',
  'dataEntry.history.total': 'Total',
  'dataEntry.history.caption': 'Historique de {figure}, {period}',
  'dataEntry.history.forbidden': 'Vous ne pouvez pas consulter l’historique de cette donnée.',

  'dataEntry.figure.ratio': '{value} ({numerator}/{denominator})',
  'dataEntry.figure.points': '{change} pts',
};

// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.

export const reviewEn = {
  'review.nav': 'Review queue',
  'review.title': 'Review queue',
  'review.lead':
    'Quarters your partner agencies have submitted. Open one to compare it with the quarter before, then approve it or return it with a note. An approved quarter can be reopened for correction, with a reason.',
  'review.noTables':
    'You do not coordinate a planning table, so there is nothing for you to review.',
  'review.tableTitle': '{table}',
  'review.empty': 'Nothing to show here with this filter.',
  'review.unknownPartner': 'An agency at the table',

  'review.filter.label': 'Show',
  'review.filter.open': 'Awaiting review, returned or reopened',
  'review.filter.submitted': 'Awaiting review',
  'review.filter.returned': 'Returned',
  'review.filter.approved': 'Approved',
  'review.filter.reopened': 'Reopened for correction',
  'review.filter.all': 'All submissions',

  'review.col.partner': 'Partner',
  'review.col.quarter': 'Quarter',
  'review.col.status': 'Status',
  'review.col.submitted': 'Submitted',
  'review.col.reviewed': 'Reviewed',
  'review.col.action': 'Open',
  'review.col.measure': 'Measure',
  'review.col.change': 'Change',

  'review.open.review': 'Review',
  'review.open.view': 'View',
  'review.open.reviewFor': 'Review {organization}, {period}',
  'review.open.viewFor': 'View {organization}, {period}',

  'review.done.approved': '{organization}: {period} approved.',
  'review.done.returned': '{organization}: {period} returned with your note.',

  'review.detail.title': '{organization}: {period}',
  'review.detail.loadingTitle': 'Submission',
  'review.detail.back': 'Back to the review queue',
  'review.detail.notFound':
    'There is no submission here for you: the agency does not exist, or you do not review it.',
  'review.detail.submittedBy': 'Submitted by {name} on {date}',
  'review.detail.submittedOn': 'Submitted on {date}',
  'review.detail.returnedNote': 'Returned with this note:',
  'review.detail.reopenedNote': 'Reopened for correction for this reason:',
  'review.detail.cannotReview': 'Only a coordinator of a table this agency is at can decide on it.',
  'review.detail.approvedCannotReopen':
    'This quarter is approved. Only a coordinator of a table this agency is at can reopen it for correction.',
  'review.detail.nothingToDecide':
    'This quarter is not awaiting review, so there is nothing to decide.',
  'review.detail.changes': 'What changed since {previous}: {period} beside {previous}',
  'review.detail.figures': 'The figures',
  'review.detail.changesLead':
    'Totals with the change the server reports; breakdowns beneath each measure. A dash means no figure.',
  'review.detail.noMeasures': 'This agency reports no measures for this quarter.',
  'review.detail.note': 'Note: {note}',

  'review.recorded.both': 'Submitted with {missing} and {flagged}',
  'review.recorded.missingOnly': 'Submitted with {missing}; none looks wrong',
  'review.recorded.flaggedOnly': 'Submitted with every figure in; {flagged}',
  'review.recorded.none': 'Submitted with every figure in; none looks wrong',
  'review.recorded.missingOne': '1 figure empty',
  'review.recorded.missingMany': '{count} figures empty',
  'review.recorded.flaggedOne': '1 that looks wrong',
  'review.recorded.flaggedMany': '{count} that look wrong',

  'review.changes.titleReturned': 'Changed since it was returned on {date}',
  'review.changes.titleReopened': 'Changed since it was reopened on {date}',
  'review.changes.noneReturned': 'Nothing changed since it was returned on {date}.',
  'review.changes.noneReopened': 'Nothing changed since it was reopened on {date}.',
  'review.changes.failed': 'What changed since the quarter was handed back could not be loaded.',
  'review.changes.col.figure': 'Figure',
  'review.changes.col.before': 'Before',
  'review.changes.col.after': 'Now',
  'review.changes.measure': '{name} ({code})',
  'review.changes.total': 'Total',
  'review.changes.part': '{dimension}: {value}',
  'review.changes.inPeriod': '{figure}, {period}',

  'review.checks.title': 'Figures to look at',
  'review.checks.lead':
    'Each figure is compared with the same figure’s earlier quarters. One far from them may still be right: read its note, or ask the agency.',
  'review.checks.failed': 'The figures could not be checked just now.',

  'review.change.none': 'No change',
  'review.change.favourable': '(favourable)',
  'review.change.unfavourable': '(unfavourable)',

  'review.decision.title': 'Your decision',
  'review.decision.approveLead':
    'The figures look right: approve them. Funders then see them. Should one need to change later, you can reopen the quarter for correction, with a reason.',
  'review.decision.approve': 'Approve',
  'review.decision.noteLabel': 'Note for {organization}',
  'review.decision.noteHint':
    'Say what needs checking or fixing. The agency sees this note at the top of its quarter.',
  'review.decision.noteRequired': 'Write a note saying what needs to change.',
  'review.decision.return': 'Return with this note',

  'review.reopen.title': 'Reopen for correction',
  'review.reopen.lead':
    'This quarter is approved. If a figure must change, reopen it: the agency corrects its figures and submits the quarter again. Until it is approved again, funders keep seeing the figures approved before.',
  'review.reopen.reasonLabel': 'Reason for reopening {period}',
  'review.reopen.reasonHint':
    'Say what needs correcting. The agency sees this reason at the top of its quarter.',
  'review.reopen.reasonRequired': 'Write the reason for reopening the quarter.',
  'review.reopen.submit': 'Reopen for correction',
  'review.reopen.submitting': 'Reopening…',
  'review.reopen.done':
    '{period} is reopened for correction. {organization} can now correct its figures and submit the quarter again.',
} as const;

export const reviewFr: { readonly [K in keyof typeof reviewEn]: string } = {
  'review.nav': 'File de révision',
  'review.title': 'File de révision',
  'review.lead':
    'Les trimestres soumis par vos organismes partenaires. Ouvrez-en un pour le comparer au trimestre précédent, puis approuvez-le ou renvoyez-le avec une note. Un trimestre approuvé peut être rouvert pour correction, en indiquant un motif.',
  'review.noTables':
    'Vous ne coordonnez aucune table de planification : vous n’avez donc rien à réviser.',
  'review.tableTitle': '{table}',
  'review.empty': 'Rien à afficher avec ce filtre.',
  'review.unknownPartner': 'Un organisme de la table',

  'review.filter.label': 'Afficher',
  'review.filter.open': 'En attente de révision, renvoyés ou rouverts',
  'review.filter.submitted': 'En attente de révision',
  'review.filter.returned': 'Renvoyés',
  'review.filter.approved': 'Approuvés',
  'review.filter.reopened': 'Rouverts pour correction',
  'review.filter.all': 'Toutes les soumissions',

  'review.col.partner': 'Partenaire',
  'review.col.quarter': 'Trimestre',
  'review.col.status': 'État',
  'review.col.submitted': 'Soumis le',
  'review.col.reviewed': 'Révisé le',
  'review.col.action': 'Ouvrir',
  'review.col.measure': 'Mesure',
  'review.col.change': 'Variation',

  'review.open.review': 'Réviser',
  'review.open.view': 'Consulter',
  'review.open.reviewFor': 'Réviser {organization}, {period}',
  'review.open.viewFor': 'Consulter {organization}, {period}',

  'review.done.approved': '{organization} : {period} approuvé.',
  'review.done.returned': '{organization} : {period} renvoyé avec votre note.',

  'review.detail.title': '{organization} : {period}',
  'review.detail.loadingTitle': 'Soumission',
  'review.detail.back': 'Retour à la file de révision',
  'review.detail.notFound':
    'Aucune soumission ici pour vous : l’organisme n’existe pas, ou vous ne le révisez pas.',
  'review.detail.submittedBy': 'Soumis par {name} le {date}',
  'review.detail.submittedOn': 'Soumis le {date}',
  'review.detail.returnedNote': 'Renvoyé avec cette note :',
  'review.detail.reopenedNote': 'Rouvert pour correction pour ce motif :',
  'review.detail.cannotReview':
    'Seule la coordination d’une table dont cet organisme fait partie peut se prononcer.',
  'review.detail.approvedCannotReopen':
    'Ce trimestre est approuvé. Seule la coordination d’une table dont cet organisme fait partie peut le rouvrir pour correction.',
  'review.detail.nothingToDecide':
    'Ce trimestre n’est pas en attente de révision : il n’y a rien à décider.',
  'review.detail.changes': 'Ce qui a changé depuis {previous} : {period} à côté de {previous}',
  'review.detail.figures': 'Les données',
  'review.detail.changesLead':
    'Les totaux avec la variation calculée par le serveur ; les ventilations sous chaque mesure. Un tiret signifie aucune donnée.',
  'review.detail.noMeasures': 'Cet organisme ne déclare aucune mesure pour ce trimestre.',
  'review.detail.note': 'Note : {note}',

  'review.recorded.both': 'Soumis avec {missing} et {flagged}',
  'review.recorded.missingOnly': 'Soumis avec {missing} ; aucune ne semble erronée',
  'review.recorded.flaggedOnly': 'Soumis avec toutes les données saisies ; {flagged}',
  'review.recorded.none': 'Soumis avec toutes les données saisies ; aucune ne semble erronée',
  'review.recorded.missingOne': '1 donnée vide',
  'review.recorded.missingMany': '{count} données vides',
  'review.recorded.flaggedOne': '1 qui semble erronée',
  'review.recorded.flaggedMany': '{count} qui semblent erronées',

  'review.changes.titleReturned': 'Modifié depuis son renvoi le {date}',
  'review.changes.titleReopened': 'Modifié depuis sa réouverture le {date}',
  'review.changes.noneReturned': 'Rien n’a changé depuis son renvoi le {date}.',
  'review.changes.noneReopened': 'Rien n’a changé depuis sa réouverture le {date}.',
  'review.changes.failed':
    'Les changements depuis le renvoi ou la réouverture du trimestre n’ont pas pu être chargés.',
  'review.changes.col.figure': 'Donnée',
  'review.changes.col.before': 'Avant',
  'review.changes.col.after': 'Maintenant',
  'review.changes.measure': '{name} ({code})',
  'review.changes.total': 'Total',
  'review.changes.part': '{dimension} : {value}',
  'review.changes.inPeriod': '{figure}, {period}',

  'review.checks.title': 'Données à examiner',
  'review.checks.lead':
    'Chaque donnée est comparée à la même donnée des trimestres précédents. Une donnée qui s’en écarte peut tout de même être juste : lisez sa note, ou interrogez l’organisme.',
  'review.checks.failed': 'Les données n’ont pas pu être vérifiées pour l’instant.',

  'review.change.none': 'Aucune variation',
  'review.change.favourable': '(favorable)',
  'review.change.unfavourable': '(défavorable)',

  'review.decision.title': 'Votre décision',
  'review.decision.approveLead':
    'Les données semblent justes : approuvez-les. Les bailleurs de fonds les verront alors. Si l’une d’elles doit changer plus tard, vous pourrez rouvrir le trimestre pour correction, en indiquant un motif.',
  'review.decision.approve': 'Approuver',
  'review.decision.noteLabel': 'Note pour {organization}',
  'review.decision.noteHint':
    'Indiquez ce qu’il faut vérifier ou corriger. L’organisme voit cette note en haut de son trimestre.',
  'review.decision.noteRequired': 'Rédigez une note indiquant ce qui doit changer.',
  'review.decision.return': 'Renvoyer avec cette note',

  'review.reopen.title': 'Rouvrir pour correction',
  'review.reopen.lead':
    'Ce trimestre est approuvé. Si une donnée doit changer, rouvrez-le : l’organisme corrige ses données et soumet de nouveau le trimestre. Tant qu’il n’est pas approuvé de nouveau, les bailleurs de fonds continuent de voir les données approuvées auparavant.',
  'review.reopen.reasonLabel': 'Motif de la réouverture de {period}',
  'review.reopen.reasonHint':
    'Indiquez ce qu’il faut corriger. L’organisme voit ce motif en haut de son trimestre.',
  'review.reopen.reasonRequired': 'Indiquez le motif de la réouverture du trimestre.',
  'review.reopen.submit': 'Rouvrir pour correction',
  'review.reopen.submitting': 'Réouverture…',
  'review.reopen.done':
    '{period} est rouvert pour correction. {organization} peut maintenant corriger ses données et soumettre de nouveau le trimestre.',
};

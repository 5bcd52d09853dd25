// Strings of a figure's history, in both languages; the catalogues in i18n/ merge every area's.

export const figureHistoryEn = {
  'history.col.when': 'When',
  'history.col.who': 'Who',
  'history.col.what': 'What happened',
  'history.col.figure': 'Figure',
  'history.col.details': 'Note or reason',

  'history.action.saved': 'Saved',
  'history.action.submitted': 'Submitted',
  'history.action.returned': 'Returned',
  'history.action.reopened': 'Reopened',
  'history.action.approved': 'Approved',

  'history.system': 'The system',
  'history.from': 'from',
  'history.to': 'to',
  'history.noFigure': 'No figure',
  'history.ratio': '{value} ({numerator}/{denominator})',
  'history.note': 'Note: {note}',
  'history.noteRemoved': 'Note removed',
  'history.reason': 'Reason: {reason}',
  'history.empty': 'Nothing has been recorded for this figure yet.',
  'history.failed': 'The history of this figure could not be loaded.',
} as const;

export const figureHistoryFr: { readonly [K in keyof typeof figureHistoryEn]: string } = {
  'history.col.when': 'Quand',
  'history.col.who': 'Qui',
  'history.col.what': 'Ce qui s’est passé',
  'history.col.figure': 'Donnée',
  'history.col.details': 'Note ou motif',

  'history.action.saved': 'Enregistré',
  'history.action.submitted': 'Soumis',
  'history.action.returned': 'Renvoyé',
  'history.action.reopened': 'Rouvert',
  'history.action.approved': 'Approuvé',

  'history.system': 'Le système',
  'history.from': 'de',
  'history.to': 'à',
  'history.noFigure': 'Aucune donnée',
  'history.ratio': '{value} ({numerator}/{denominator})',
  'history.note': 'Note : {note}',
  'history.noteRemoved': 'Note retirée',
  'history.reason': 'Motif : {reason}',
  'history.empty': 'Rien n’a encore été enregistré pour cette donnée.',
  'history.failed': 'L’historique de cette donnée n’a pas pu être chargé.',
};

// Words of issue #18's honest curves: the two lines a curve is read against, their 80% bands,
// the verdict on the latest figure, and change since the baseline in points.

export const curvesEn = {
  'chart.legend.baselineCurve': 'The curve we were on (from the {period} baseline)',
  'chart.legend.curveBand': 'The curve we were on: 80% range',
  'chart.summary.curve': 'The curve we were on, from the {baseline} baseline: {value} by {period}.',
  'chart.table.curve': 'The curve we were on',
  'chart.table.range': '80%: {low} to {high}',
  'chart.verdict.better':
    'In {period}, the latest figure ({actual}) is better than the curve we were on, which pointed to {expected}.',
  'chart.verdict.worse':
    'In {period}, the latest figure ({actual}) is worse than the curve we were on, which pointed to {expected}.',
  'chart.verdict.same':
    'In {period}, the latest figure ({actual}) is right on the curve we were on.',
  'chart.verdict.expectedRange': '{expected} (80% range: {low} to {high})',
  'figures.change.points': '{change} pts',
} as const;

export const curvesFr: Record<keyof typeof curvesEn, string> = {
  'chart.legend.baselineCurve':
    'La courbe que nous suivions (depuis la valeur de référence de {period})',
  'chart.legend.curveBand': 'La courbe que nous suivions : fourchette à 80 %',
  'chart.summary.curve':
    'La courbe que nous suivions, depuis la valeur de référence de {baseline} : {value} en {period}.',
  'chart.table.curve': 'La courbe que nous suivions',
  'chart.table.range': '80 % : de {low} à {high}',
  'chart.verdict.better':
    'En {period}, la dernière valeur ({actual}) est meilleure que la courbe que nous suivions, qui annonçait {expected}.',
  'chart.verdict.worse':
    'En {period}, la dernière valeur ({actual}) est moins bonne que la courbe que nous suivions, qui annonçait {expected}.',
  'chart.verdict.same':
    'En {period}, la dernière valeur ({actual}) est exactement sur la courbe que nous suivions.',
  'chart.verdict.expectedRange': '{expected} (fourchette à 80 % : de {low} à {high})',
  'figures.change.points': '{change} pts',
};

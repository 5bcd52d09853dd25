// The French message catalogue; typed so that it must have every English key, and no other.

import { curvesFr } from '../charts/messages';
import { figureHistoryFr } from '../components/figure-history/messages';
import { accountFr } from '../pages/account/messages';
import { adminFr } from '../pages/admin/messages';
import { outboxFr } from '../pages/admin/outbox-messages';
import { dashboardFr } from '../pages/dashboard/messages';
import { dataEntryFr } from '../pages/data-entry/messages';
import { homeFr } from '../pages/home/messages';
import { importsFr } from '../pages/imports/messages';
import { loginDemoFr } from '../pages/login/messages';
import { notificationsFr } from '../pages/notifications/messages';
import { partnershipsFr } from '../pages/partnerships/messages';
import { plansFr } from '../pages/plans/messages';
import { publicCardFr } from '../pages/public/messages';
import { reviewFr } from '../pages/review/messages';
import { scorecardsFr } from '../pages/scorecards/messages';
import { seriesFr } from '../pages/series/messages';
import { statusFr } from '../pages/status/messages';
import { systemMapFr } from '../pages/system-map/messages';
import type { Messages } from './messages.en';

const core = {
  'app.name': 'Tableau de bord RBA',
  'app.tagline':
    'La responsabilisation axée sur les résultats pour les tables de planification, les organismes partenaires et les bailleurs de fonds',
  'app.loading': 'Chargement…',
  'app.documentTitle': '{page} · {app}',
  'skipLink.label': 'Aller au contenu principal',

  'language.label': 'Langue',
  'language.en': 'English',
  'language.fr': 'Français',

  'login.title': 'Connexion',
  'login.intro':
    'Connectez-vous avec l’adresse courriel et le mot de passe fournis par votre administrateur.',
  'login.email': 'Courriel',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.submitting': 'Connexion en cours…',
  'login.signedOut': 'Votre session est fermée.',
  'login.sessionEnded': 'Votre session a pris fin. Veuillez vous connecter de nouveau.',

  'errors.network': 'Impossible de joindre le serveur. Vérifiez votre connexion, puis réessayez.',
  'errors.unexpected': 'Une erreur s’est produite (HTTP {status}). Veuillez réessayer.',
  'errors.loadUser': 'Votre compte n’a pas pu être chargé.',
  'errors.retry': 'Réessayer',

  'shell.navLabel': 'Principale',
  'shell.userLabel': 'Compte',
  'shell.signedInAs': 'Session ouverte : {name}',
  'shell.signOut': 'Se déconnecter',
  'shell.signingOut': 'Déconnexion en cours…',

  'nav.scorecards': 'Tableaux de bord',
  'nav.dataEntry': 'Saisie des données',
  'nav.plans': 'Infléchir la courbe (plans)',
  'nav.imports': 'Importations',
  'nav.admin': 'Administration',

  'scorecards.title': 'Tableaux de bord',
  'scorecards.lead':
    'Les tableaux de bord des partenaires et de la collectivité : chaque résultat avec ses indicateurs, les programmes qui y contribuent et leurs mesures du rendement.',
  'scorecards.item1':
    'Pour chaque mesure : la dernière valeur, sa cible et son statut, la tendance actuelle et une petite courbe de son historique.',
  'scorecards.item2':
    'Les mesures partagées avec la valeur collective et, en dessous, la contribution de chaque partenaire.',
  'scorecards.item3':
    'Des filtres par période, partenaire, catégorie et mesures phares ; les bailleurs de fonds ne voient que les valeurs approuvées, les petits nombres étant masqués.',

  'dataEntry.title': 'Saisie des données',
  'dataEntry.lead':
    'Chaque trimestre, les organismes partenaires saisissent ici les mesures de leurs programmes et soumettent le trimestre pour examen.',
  'dataEntry.item1':
    'Une grille qui fonctionne comme un tableur : les flèches déplacent, Entrée enregistre et descend, Échap annule.',
  'dataEntry.item2':
    'Le numérateur et le dénominateur des pourcentages, les ventilations par groupe d’âge, genre ou région, et des notes.',
  'dataEntry.item3':
    'La soumission du trimestre, et la note de la coordination lorsqu’un trimestre est renvoyé pour correction.',

  'plans.title': 'Infléchir la courbe (plans)',
  'plans.lead':
    'Le travail pour infléchir la courbe d’un indicateur ou d’une mesure : la courbe avec sa valeur de référence et sa prévision, et le plan pour faire mieux.',
  'plans.item1':
    'L’histoire derrière la courbe, les partenaires qui ont un rôle à jouer et ce qui fonctionne.',
  'plans.item2': 'Un plan d’action avec responsables, échéances et statut.',
  'plans.item3':
    'Chaque révision enregistrée est conservée, et un rapport qui s’imprime proprement.',

  'plans.reportTitle': 'Le rapport à imprimer',
  'plans.reportBody':
    'Chaque indicateur et chaque mesure du rendement a un rapport « Infléchir la courbe » pour la salle de réunion : la courbe avec sa valeur de référence, ses cibles et sa prévision, puis l’histoire derrière la courbe, les partenaires, ce qui fonctionne et le plan d’action. Il s’imprime sur du papier A4 ou Lettre. Les tableaux de bord relieront chaque mesure à son rapport.',

  'report.kicker': 'Rapport « Infléchir la courbe »',
  'report.pageTitle': '{name} : rapport « Infléchir la courbe »',
  'report.back': 'Retour',
  'report.print': 'Imprimer',
  'report.code': 'Code {code}',
  'report.periodType.year': 'Données annuelles',
  'report.periodType.quarter': 'Données trimestrielles',
  'report.periodType.month': 'Données mensuelles',
  'report.periodType.fiscal_year': 'Données par exercice financier',
  'report.periodType.fiscal_quarter': 'Données par trimestre d’exercice',
  'report.direction.up': 'Une valeur plus élevée est meilleure',
  'report.direction.down': 'Une valeur plus basse est meilleure',
  'report.generated': 'Produit le {date}',
  'report.planRevision': 'Révision {revision} du plan, enregistrée le {date}',
  'report.noPlan':
    'Aucun plan pour infléchir la courbe n’a encore été enregistré pour cette mesure.',
  'report.empty': 'Rien n’a encore été consigné.',
  'report.notFound':
    'Il n’y a aucun rapport à cette adresse : la mesure n’existe pas, ou vous n’y avez pas accès.',
  'report.loadError': 'Le rapport n’a pas pu être chargé.',
  'report.link': 'Rapport « Infléchir la courbe »',
  'report.linkFor': 'Rapport « Infléchir la courbe » pour {name}',

  'report.headline.label': 'Chiffres clés',
  'report.headline.latest': 'Dernière valeur',
  'report.headline.latestValue': '{value} en {period}',
  'report.headline.suppressedIn': 'en {period}',
  'report.headline.noFigure': 'Aucune valeur pour l’instant',
  'report.headline.target': 'Cible',
  'report.headline.trend': 'Tendance',
  'report.headline.baseline': 'Depuis la valeur de référence',
  'report.status.met': 'Atteinte',
  'report.status.near': 'Proche',
  'report.status.off': 'Non atteinte',
  'report.status.none': 'Aucune cible',
  'report.trend.up': 'En hausse, {count} de suite',
  'report.trend.down': 'En baisse, {count} de suite',
  'report.trend.flat': 'Stable',
  'report.favourable': 'favorable',
  'report.unfavourable': 'défavorable',
  'report.baseline.change': '{change} depuis {period} ({value})',
  'report.baseline.noChange': 'Aucune variation à comparer depuis {period}',
  'report.baseline.none': 'Aucune valeur de référence',

  'report.curve.title': '1. La courbe',
  'report.story.title': '2. L’histoire derrière la courbe',
  'report.story.forcesUp': 'Les forces qui font monter la courbe',
  'report.story.forcesDown': 'Les forces qui font baisser la courbe',
  'report.story.evidence': 'Données probantes : {evidence}',
  'report.story.narrative': 'Récit',
  'report.partners.title': '3. Les partenaires qui ont un rôle à jouer',
  'report.partners.partner': 'Partenaire',
  'report.partners.role': 'Rôle',
  'report.partners.unknownOrganization': 'Un organisme de la table',
  'report.whatWorks.title': '4. Ce qui fonctionne',
  'report.whatWorks.idea': 'Idée',
  'report.whatWorks.source': 'Source ou données probantes',
  'report.whatWorks.cost': 'Coût',
  'report.whatWorks.chosen': 'Retenue',
  'report.whatWorks.notChosen': 'Non retenue',
  'report.cost.no_cost': 'Sans coût',
  'report.cost.low_cost': 'Faible coût',
  'report.cost.other': 'Autre coût',
  'report.actions.title': '5. Le plan d’action',
  'report.actions.action': 'Action',
  'report.actions.owner': 'Responsable',
  'report.actions.due': 'Échéance',
  'report.actions.status': 'Statut',
  'report.actions.noDueDate': 'Aucune date',
  'report.actions.overdue': 'En retard',
  'report.actions.ownerBoth': '{person} ({organization})',
  'report.actionStatus.planned': 'Prévue',
  'report.actionStatus.in_progress': 'En cours',
  'report.actionStatus.done': 'Terminée',
  'report.actionStatus.dropped': 'Abandonnée',
  'report.agenda.title': 'Programme de développement des données',
  'report.agenda.lead':
    'Les mesures souhaitées mais pas encore disponibles, par ordre de priorité.',

  'chart.caption': 'La courbe : {name}',
  'chart.summary.range': 'Graphique linéaire de {name} de {from} à {to}.',
  'chart.summary.latest': 'Dernière valeur : {value} en {period}.',
  'chart.summary.baseline': 'Valeur de référence : {period}.',
  'chart.summary.forecast':
    'Là où nous allons, d’après les dernières valeurs : {value} en {period}.',
  'chart.summary.suppressed':
    'Les valeurs masquées pour protéger les petits nombres sont laissées en blanc.',
  'chart.summary.revision':
    'En révision (le dernier chiffre approuvé, en cours de correction) : {periods}.',
  'chart.summary.table': 'Toutes les valeurs figurent dans le tableau sous le graphique.',
  'chart.summary.empty': 'Il n’y a encore aucune valeur pour {name}.',
  'chart.legend.label': 'Légende',
  'chart.legend.actual': 'Valeur réelle',
  'chart.legend.target': 'Cible',
  'chart.legend.baseline': 'Valeur de référence',
  'chart.legend.forecast': 'Là où nous allons (d’après les dernières valeurs)',
  'chart.legend.band': 'Là où nous allons : fourchette à 80 %',
  'chart.legend.suppressed': 'Masqué pour protéger les petits nombres : un vide, pas un zéro',
  'chart.legend.revision': 'En révision : le dernier chiffre approuvé, en cours de correction',
  'chart.baselineMarker': 'Référence',
  'chart.table.caption': 'Les valeurs derrière la courbe',
  'chart.table.period': 'Période',
  'chart.table.actual': 'Valeur réelle',
  'chart.table.target': 'Cible',
  'chart.table.forecast': 'Là où nous allons',
  'chart.table.baseline': 'référence',

  'imports.title': 'Importations',

  'admin.title': 'Administration',
  'admin.lead': 'La configuration de la collaboration, réservée aux administrateurs.',
  'admin.item1': 'Les organismes, les utilisateurs et leurs rôles.',
  'admin.item2': 'Les tables de planification, leurs partenaires et les périodes de déclaration.',
  'admin.item3':
    'Les paramètres : le début de l’exercice financier, le seuil des petits nombres et la langue par défaut.',
  'admin.forbidden': 'Seuls les administrateurs peuvent ouvrir cette section.',

  'notFound.title': 'Page introuvable',
  'notFound.body': 'Il n’y a aucune page à cette adresse.',
  'notFound.back': 'Aller aux tableaux de bord',
};

export const fr: Messages = {
  ...core,
  ...loginDemoFr,
  ...curvesFr,
  ...scorecardsFr,
  ...seriesFr,
  ...dashboardFr,
  ...publicCardFr,
  ...dataEntryFr,
  ...figureHistoryFr,
  ...reviewFr,
  ...plansFr,
  ...adminFr,
  ...importsFr,
  ...systemMapFr,
  ...accountFr,
  ...homeFr,
  ...statusFr,
  ...notificationsFr,
  ...outboxFr,
  ...partnershipsFr,
};

// The French message catalogue; typed so that it must have every English key, and no other.

import type { Messages } from './messages.en';

export const fr: Messages = {
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

  'placeholder.badge': 'Bientôt disponible',
  'placeholder.notBuilt':
    'Cette section n’est pas encore construite. La navigation est en place pour montrer où elle se trouvera.',
  'placeholder.willShow': 'Ce que vous trouverez ici',

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

  'imports.title': 'Importations',
  'imports.lead': 'Importer des valeurs depuis des tableurs, et les exporter de nouveau.',
  'imports.item1':
    'Téléverser un fichier CSV, choisir sa disposition ou faire correspondre ses colonnes, et vérifier chaque ligne lors d’un essai à blanc.',
  'imports.item2':
    'Enregistrer toutes les lignes ou aucune ; importer deux fois le même fichier ne change rien.',
  'imports.item3': 'Des exportations CSV des valeurs et des tableaux de bord pour les rapports.',

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

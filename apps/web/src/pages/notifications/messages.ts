// Strings of this area, in both languages; the catalogues in i18n/ merge every area's.

export const notificationsEn = {
  'bell.label': 'Notifications',
  'bell.unreadOne': '1 unread',
  'bell.unread': '{count} unread',

  'notifications.title': 'Notifications',
  'notifications.lead':
    'Reminders of due dates, quarters returned or reopened, and quarters submitted for review. Each one leads to where the work is.',
  'notifications.empty': 'You have no notifications yet.',
  'notifications.unreadOne': 'You have 1 unread notification.',
  'notifications.unreadMany': 'You have {count} unread notifications.',
  'notifications.allRead': 'You have read every notification.',
  'notifications.markAll': 'Mark all as read',
  'notifications.markingAll': 'Marking…',
  'notifications.markedAll': 'Every notification is marked as read.',
  'notifications.unread': 'Unread',
  'notifications.listLabel': 'Your notifications, newest first',
  'notifications.kind.reminder': 'Reminder',
  'notifications.kind.returned': 'Returned',
  'notifications.kind.reopened': 'Reopened',
  'notifications.kind.submitted': 'Submitted',
  'notifications.open.reminder': 'Enter the figures',
  'notifications.open.returned': 'Open the quarter',
  'notifications.open.reopened': 'Open the quarter',
  'notifications.open.submitted': 'Review the quarter',
} as const;

export const notificationsFr: { readonly [K in keyof typeof notificationsEn]: string } = {
  'bell.label': 'Notifications',
  'bell.unreadOne': '1 non lue',
  'bell.unread': '{count} non lues',

  'notifications.title': 'Notifications',
  'notifications.lead':
    'Les rappels d’échéance, les trimestres renvoyés ou rouverts et les trimestres soumis pour révision. Chacune mène là où le travail se fait.',
  'notifications.empty': 'Vous n’avez encore aucune notification.',
  'notifications.unreadOne': 'Vous avez 1 notification non lue.',
  'notifications.unreadMany': 'Vous avez {count} notifications non lues.',
  'notifications.allRead': 'Vous avez lu toutes vos notifications.',
  'notifications.markAll': 'Tout marquer comme lu',
  'notifications.markingAll': 'Marquage…',
  'notifications.markedAll': 'Toutes les notifications sont marquées comme lues.',
  'notifications.unread': 'Non lue',
  'notifications.listLabel': 'Vos notifications, les plus récentes en premier',
  'notifications.kind.reminder': 'Rappel',
  'notifications.kind.returned': 'Renvoyé',
  'notifications.kind.reopened': 'Rouvert',
  'notifications.kind.submitted': 'Soumis',
  'notifications.open.reminder': 'Saisir les données',
  'notifications.open.returned': 'Ouvrir le trimestre',
  'notifications.open.reopened': 'Ouvrir le trimestre',
  'notifications.open.submitted': 'Réviser le trimestre',
};

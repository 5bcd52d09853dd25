// Strings of the admin's outbox, in both languages; the catalogues in i18n/ merge every area's.

export const outboxEn = {
  'admin.tab.outbox': 'E-mail outbox',
  'outbox.lead':
    'Every message the reminders and the quarterly workflow send, newest first, with where its delivery stands. A failed delivery is tried again later, never lost.',
  'outbox.run.title': 'Reminders',
  'outbox.run.lead':
    'Reminders run by themselves every few minutes. Run them now to queue the reminders that are due and deliver the outbox at once.',
  'outbox.run.button': 'Run reminders now',
  'outbox.run.running': 'Running the reminders…',
  'outbox.run.done':
    'Reminders run: {queued} queued, {sent} sent, {failed} failed, {skipped} not e-mailed.',
  'outbox.filter': 'Delivery state',
  'outbox.filter.all': 'Every state',
  'outbox.caption': 'Messages in the outbox, newest first',
  'outbox.col.created': 'Created',
  'outbox.col.state': 'Delivery',
  'outbox.col.message': 'Message',
  'outbox.col.recipient': 'Recipient',
  'outbox.col.about': 'Agency and period',
  'outbox.col.attempts': 'Attempts',
  'outbox.empty': 'No message in the outbox with this state.',
  'outbox.kindOffset': '{kind}, {offset}',
  'outbox.sentAt': 'Sent {date}',
  'outbox.nextAttempt': 'Next attempt {date}',
  'outbox.lastError': 'Last error: {error}',
  'outbox.page': 'Messages {from} to {to}',
  'outbox.newer': 'Newer messages',
  'outbox.older': 'Older messages',
  'outbox.legend': 'What the delivery states mean',
  'outbox.state.queued': 'Queued',
  'outbox.state.sending': 'Sending',
  'outbox.state.sent': 'Sent',
  'outbox.state.failed': 'Failed, will retry',
  'outbox.state.skipped_no_smtp': 'Not e-mailed: no mail server',
  'outbox.state.opted_out': 'Not e-mailed: turned off',
  'outbox.explain.queued': 'Waiting for the next run to deliver it.',
  'outbox.explain.sending': 'Being delivered now.',
  'outbox.explain.sent': 'Handed to the mail server.',
  'outbox.explain.failed':
    'The delivery failed. It is tried again by a later run, waiting longer each time, up to an hour.',
  'outbox.explain.skipped_no_smtp':
    'Not e-mailed: no mail server is configured; kept as an in-app notification.',
  'outbox.explain.opted_out':
    'Not e-mailed: the recipient turned this kind of message off; kept as an in-app notification.',
} as const;

export const outboxFr: { readonly [K in keyof typeof outboxEn]: string } = {
  'admin.tab.outbox': 'Courriels sortants',
  'outbox.lead':
    'Tous les messages envoyés par les rappels et le cycle trimestriel, les plus récents en premier, avec l’état de leur envoi. Un envoi qui échoue est repris plus tard, jamais perdu.',
  'outbox.run.title': 'Rappels',
  'outbox.run.lead':
    'Les rappels s’exécutent d’eux-mêmes toutes les quelques minutes. Exécutez-les maintenant pour mettre en file les rappels dus et envoyer aussitôt les courriels en attente.',
  'outbox.run.button': 'Exécuter les rappels maintenant',
  'outbox.run.running': 'Exécution des rappels…',
  'outbox.run.done':
    'Rappels exécutés : {queued} mis en file, {sent} envoyés, {failed} en échec, {skipped} non envoyés par courriel.',
  'outbox.filter': 'État de l’envoi',
  'outbox.filter.all': 'Tous les états',
  'outbox.caption': 'Messages sortants, les plus récents en premier',
  'outbox.col.created': 'Créé le',
  'outbox.col.state': 'Envoi',
  'outbox.col.message': 'Message',
  'outbox.col.recipient': 'Destinataire',
  'outbox.col.about': 'Organisme et période',
  'outbox.col.attempts': 'Tentatives',
  'outbox.empty': 'Aucun message sortant dans cet état.',
  'outbox.kindOffset': '{kind}, {offset}',
  'outbox.sentAt': 'Envoyé le {date}',
  'outbox.nextAttempt': 'Prochaine tentative le {date}',
  'outbox.lastError': 'Dernière erreur : {error}',
  'outbox.page': 'Messages {from} à {to}',
  'outbox.newer': 'Messages plus récents',
  'outbox.older': 'Messages plus anciens',
  'outbox.legend': 'Ce que signifient les états d’envoi',
  'outbox.state.queued': 'En file',
  'outbox.state.sending': 'En cours d’envoi',
  'outbox.state.sent': 'Envoyé',
  'outbox.state.failed': 'Échec, sera repris',
  'outbox.state.skipped_no_smtp': 'Non envoyé : aucun serveur de courriel',
  'outbox.state.opted_out': 'Non envoyé : désactivé',
  'outbox.explain.queued': 'En attente de la prochaine exécution pour être envoyé.',
  'outbox.explain.sending': 'En cours d’envoi.',
  'outbox.explain.sent': 'Remis au serveur de courriel.',
  'outbox.explain.failed':
    'L’envoi a échoué. Une exécution ultérieure le reprend, en attendant plus longtemps chaque fois, jusqu’à une heure.',
  'outbox.explain.skipped_no_smtp':
    'Non envoyé par courriel : aucun serveur de courriel n’est configuré ; conservé comme notification dans l’application.',
  'outbox.explain.opted_out':
    'Non envoyé par courriel : le destinataire a désactivé ce type de message ; conservé comme notification dans l’application.',
};

// Every word the console shows, in French (the default) and English. Data from the Api (names, aliases,
// the matching's English detail sentences) is shown as it comes; codes (statuses, reasons) are translated here.

const messages = {
  fr: {
    skipToContent: 'Aller au contenu', navBoard: 'Ce soir', navHosts: 'Hébergeurs', night: 'Nuit', signOut: 'Se déconnecter',
    signInTitle: 'Console des coordinateurs de nuit', keyLabel: 'Clé de coordinateur', signIn: 'Se connecter',
    signInHint: "La clé vous est donnée par l'administrateur du réseau. Le navigateur ne la garde pas : il garde une session, qui se termine à la fin de la garde.",
    badKey: 'Clé inconnue, révoquée ou expirée.',
    partnerKey: "Cette clé est celle d'une organisation partenaire : elle n'ouvre pas la console. Utilisez une clé de coordinateur.",
    sessionEnded: 'Votre session est terminée. Reconnectez-vous avec votre clé.',
    signedOut: 'Vous êtes déconnecté.',
    keyInAddressRefused: "Ce serveur n'accepte pas de clé dans l'adresse de la page : saisissez-la ici.",
    boardTitle: 'Ce soir', runMatching: "Lancer l'appariement", sendOffers: 'Envoyer les offres', planVans: 'Planifier le camion',
    sendVanTimes: 'Envoyer les heures aux hébergeurs',
    summaryTitle: 'Bilan de la nuit', alertsTitle: 'À regarder', matchingTitle: "Résultat de l'appariement",
    unplacedTitle: 'Sans place ce soir', proposalsTitle: 'Propositions', minutes: '{n} min de la base', householdsTitle: 'Foyers', offersTitle: 'Offres par SMS', live: 'en direct',
    vansTitle: 'Camion', hostsTonightTitle: 'Hébergeurs disponibles ce soir', hostsTitle: 'Hébergeurs',
    searchLabel: 'Chercher (nom, code, adresse)', importTitle: 'Importer un fichier CSV', csvLabel: 'Fichier (format : docs/hosts-csv.md)',
    import: 'Importer', moveTo: "Vers l'hébergeur", move: 'Déplacer', cancel: 'Annuler',
    requested: 'Demandes', placed: 'Placés (confirmés)', proposed: 'Proposés', waiting: 'En attente', unplaced: 'Sans place', people: 'personnes',
    working: 'Un instant…', matchingDone: '{placed} foyers proposés, {unplaced} sans place. {optimal}',
    provedOptimal: 'Meilleur plan possible (prouvé).', notProved: 'Meilleur plan trouvé dans le temps imparti (écart {gap}).',
    offersSent: '{count} offres envoyées.', noOffersToSend: "Aucune offre à envoyer : lancez l'appariement d'abord, ou les hébergeurs répondent encore.",
    vansPlanned: 'Camion planifié : {trips} trajets.', vanTimesSent: 'Heures envoyées à {count} hébergeurs.',
    moved: '{alias} est maintenant proposé chez {host}.', moveTitle: 'Déplacer {alias}',
    noHousehold: 'Aucune demande pour cette nuit.', noOffers: 'Aucune offre envoyée.', noVans: 'Aucun trajet planifié.',
    noHosts: 'Aucun hébergeur.', noneUnplaced: 'Tout le monde a une place proposée.',
    adults: '{n} adulte(s)', children: '{n} enfant(s)', ages: 'âges {ages}', tier: 'priorité {tier}',
    vulnerable: 'vulnérable', wheelchair: 'fauteuil roulant', nightsOut: '{n} nuit(s) dehors',
    at: 'chez {host}', moveAction: 'Déplacer',
    'category.family': 'famille', 'category.minor': 'mineur non accompagné', 'category.women': 'femmes', 'category.men': 'hommes',
    'status.waiting': 'en attente', 'status.proposed': 'proposé', 'status.confirmed': 'confirmé', 'status.delivered': 'déposé',
    'status.unplaced': 'sans place', 'status.cancelled': 'annulé',
    'offer.open': 'attend la réponse', 'offer.accepted': 'OUI', 'offer.declined': 'NON', 'offer.expired': 'sans réponse',
    'offer.cancelled': 'annulée', 'offer.superseded': 'remplacée',
    'sms.pending': 'SMS en file', 'sms.sent': 'SMS envoyé', 'sms.delivered': 'SMS reçu', 'sms.failed': 'SMS en échec',
    expiresAt: 'réponse avant {time}', answeredAt: 'répondu à {time}', resend: 'Renvoyer', cancelOffer: 'Annuler l\'offre',
    'reason.no-compatible-host': "Aucun hébergeur compatible ce soir, même avec tous les lits libres (catégorie, certification mineurs, accessibilité ou distance).",
    'reason.too-large': "Des hébergeurs compatibles existent, mais aucun n'a assez de lits pour tout le foyer (on ne sépare pas un foyer).",
    'reason.outranked': 'Un hébergeur compatible a assez de lits, mais le meilleur plan le donne à des foyers de priorité égale ou plus haute.',
    'reason.too-large-for-van': 'Trop de personnes pour un seul trajet du camion : à organiser autrement.',
    'reason.no-time': "Aucun trajet du camion n'arrive dans la plage horaire de l'hébergeur.",
    trip: '{van}, trajet {trip}', departs: 'départ {depart}, retour {back}', passengers: '{n} passagers', departed: 'parti',
    runSheet: 'Feuille de route', runSheetCsv: 'CSV', arrive: 'arrivée {time}', unserved: 'Non desservis',
    beds: '{beds} lits, {households} foyer(s) max', occupied: '{n} personne(s) placée(s) ou proposée(s)',
    minorsCertified: 'certifié mineurs', accessible: 'accessible', accepts: 'accueille : {list}',
    agreementUntil: "convention jusqu'au {date}", expiresSoon: 'convention qui expire bientôt', expired: 'convention expirée',
    optedOut: 'SMS refusés (STOP)', smsOk: 'SMS acceptés', arrival: 'arrivée {from}–{until}',
    importDone: 'Import réussi : {created} créés, {updated} mis à jour.', importFailed: "Rien n'a été importé : corrigez ces lignes.",
    line: 'Ligne', column: 'Colonne', problem: 'Problème',
    'alert.sms-stop': 'a envoyé STOP', 'alert.offer-cancelled': 'a annulé', 'alert.sms-failed': 'SMS non envoyé',
    refusedBecause: 'Refusé : {reason}', allowed: 'compatible', incompatible: 'incompatible : {reason}',
    bedsFree: '{n} lit(s) libre(s)',
    'move.host-not-available': "pas disponible ce soir, ou convention hors date",
    'move.category-not-accepted': "n'accueille pas cette catégorie de foyer",
    'move.minors-need-certified-host': 'pas certifié pour accueillir des mineurs',
    'move.no-wheelchair-access': 'logement non accessible en fauteuil roulant',
    'move.too-far': 'trop loin de la base',
    'move.not-enough-beds': 'pas assez de lits libres pour tout le foyer',
    'move.too-many-households': 'accueille déjà le nombre maximal de foyers',
    'move.mixed-categories': "accueille déjà un foyer d'une autre catégorie",
    'move.host-refused-tonight': 'a déjà refusé ce foyer ce soir, ou laissé passer le délai',
    'move.same-host': 'le foyer y est déjà proposé',
    'move.offer-already-sent': "l'offre par SMS est partie : annulez-la d'abord",
    'move.already-placed': 'le foyer est déjà placé (confirmé)',
    'move.request-cancelled': 'la demande est annulée',
    'move.matching-in-progress': 'un appariement est en cours : réessayez dans un instant',
    error: 'Erreur : {detail}', networkError: 'Le serveur ne répond pas. Vérifiez la connexion et réessayez.',
  },
  en: {
    skipToContent: 'Skip to content', navBoard: 'Tonight', navHosts: 'Hosts', night: 'Night', signOut: 'Sign out',
    signInTitle: "Night coordinators' console", keyLabel: 'Coordinator key', signIn: 'Sign in',
    signInHint: "The network's administrator gives you the key. The browser does not keep it: it keeps a session, which ends with the shift.",
    badKey: 'Unknown, revoked or expired key.',
    partnerKey: "This key belongs to a partner organisation: it does not open the console. Use a coordinator's key.",
    sessionEnded: 'Your session has ended. Sign in again with your key.',
    signedOut: 'You are signed out.',
    keyInAddressRefused: 'This server does not take a key in the page address: type it here.',
    boardTitle: 'Tonight', runMatching: 'Run matching', sendOffers: 'Send offers', planVans: 'Plan the van',
    sendVanTimes: 'Text hosts their arrival time',
    summaryTitle: "The night's summary", alertsTitle: 'Look at this', matchingTitle: 'Matching result',
    unplacedTitle: 'No place tonight', proposalsTitle: 'Proposals', minutes: '{n} min from the base', householdsTitle: 'Households', offersTitle: 'SMS offers', live: 'live',
    vansTitle: 'Van', hostsTonightTitle: 'Hosts available tonight', hostsTitle: 'Hosts',
    searchLabel: 'Search (name, code, address)', importTitle: 'Import a CSV file', csvLabel: 'File (format: docs/hosts-csv.md)',
    import: 'Import', moveTo: 'To host', move: 'Move', cancel: 'Cancel',
    requested: 'Requested', placed: 'Placed (confirmed)', proposed: 'Proposed', waiting: 'Waiting', unplaced: 'No place', people: 'people',
    working: 'One moment…', matchingDone: '{placed} households proposed, {unplaced} without a place. {optimal}',
    provedOptimal: 'Best possible plan (proved).', notProved: 'Best plan found in the time allowed (gap {gap}).',
    offersSent: '{count} offers sent.', noOffersToSend: 'No offer to send: run the matching first, or hosts are still answering.',
    vansPlanned: 'Van planned: {trips} trips.', vanTimesSent: 'Times sent to {count} hosts.',
    moved: '{alias} is now proposed at {host}.', moveTitle: 'Move {alias}',
    noHousehold: 'No request for this night.', noOffers: 'No offer sent.', noVans: 'No trip planned.',
    noHosts: 'No host.', noneUnplaced: 'Everyone has a proposed place.',
    adults: '{n} adult(s)', children: '{n} child(ren)', ages: 'ages {ages}', tier: 'priority {tier}',
    vulnerable: 'vulnerable', wheelchair: 'wheelchair', nightsOut: '{n} night(s) outside',
    at: 'at {host}', moveAction: 'Move',
    'category.family': 'family', 'category.minor': 'unaccompanied minor', 'category.women': 'women', 'category.men': 'men',
    'status.waiting': 'waiting', 'status.proposed': 'proposed', 'status.confirmed': 'confirmed', 'status.delivered': 'delivered',
    'status.unplaced': 'no place', 'status.cancelled': 'cancelled',
    'offer.open': 'waiting for the answer', 'offer.accepted': 'YES', 'offer.declined': 'NO', 'offer.expired': 'no answer',
    'offer.cancelled': 'cancelled', 'offer.superseded': 'superseded',
    'sms.pending': 'SMS queued', 'sms.sent': 'SMS sent', 'sms.delivered': 'SMS delivered', 'sms.failed': 'SMS failed',
    expiresAt: 'answer by {time}', answeredAt: 'answered at {time}', resend: 'Resend', cancelOffer: 'Cancel offer',
    'reason.no-compatible-host': 'No compatible host tonight, even with every bed free (category, minors certification, access or distance).',
    'reason.too-large': 'Compatible hosts exist but none has enough beds for the whole household (households are never split).',
    'reason.outranked': 'A compatible host has enough beds, but the best plan gives it to households of the same or a higher priority.',
    'reason.too-large-for-van': 'Too many people for one van trip: arrange other transport.',
    'reason.no-time': "No van trip reaches this host inside the host's window.",
    trip: '{van}, trip {trip}', departs: 'leaves {depart}, back {back}', passengers: '{n} passengers', departed: 'left',
    runSheet: 'Run sheet', runSheetCsv: 'CSV', arrive: 'arrives {time}', unserved: 'Not served',
    beds: '{beds} beds, {households} household(s) at most', occupied: '{n} people placed or proposed',
    minorsCertified: 'certified for minors', accessible: 'accessible', accepts: 'takes: {list}',
    agreementUntil: 'agreement until {date}', expiresSoon: 'agreement expiring soon', expired: 'agreement expired',
    optedOut: 'SMS refused (STOP)', smsOk: 'SMS accepted', arrival: 'arrival {from}–{until}',
    importDone: 'Imported: {created} created, {updated} updated.', importFailed: 'Nothing was imported: fix these lines.',
    line: 'Line', column: 'Column', problem: 'Problem',
    'alert.sms-stop': 'sent STOP', 'alert.offer-cancelled': 'cancelled', 'alert.sms-failed': 'SMS not sent',
    refusedBecause: 'Refused: {reason}', allowed: 'compatible', incompatible: 'incompatible: {reason}',
    bedsFree: '{n} bed(s) free',
    error: 'Error: {detail}', networkError: 'The server does not answer. Check the connection and try again.',
  },
};

const stored = localStorage.getItem('hm-lang');
let lang = stored === 'en' ? 'en' : 'fr';

export const language = () => lang;

/** The message for a key in the current language, with {name} placeholders filled; the key itself if unknown. */
export function t(key, params = {}) {
  const text = messages[lang][key] ?? messages.fr[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

/** Whether a message exists (for codes the Api may add later: shown as they are). */
export const has = (key) => key in messages[lang];

export function setLanguage(next) {
  lang = next === 'en' ? 'en' : 'fr';
  localStorage.setItem('hm-lang', lang);
  applyToPage();
}

/** Fills every element marked data-i18n, and the language switch (which offers the other language). */
export function applyToPage() {
  document.documentElement.lang = lang;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  const toggle = document.getElementById('lang');
  // The other language, named in itself (a French speaker who landed on English still reads "Français").
  toggle.textContent = lang === 'fr' ? 'English' : 'Français';
  toggle.lang = lang === 'fr' ? 'en' : 'fr';
}

const timeFormats = {};

/** An instant from the Api (UTC) as a Paris clock time. */
export function clock(instant) {
  if (!instant) return '';
  timeFormats[lang] ??= new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
  return timeFormats[lang].format(new Date(instant));
}

/** An OffsetDateTime from the Api, already in Paris time: its clock time as written. */
export const localClock = (offsetDateTime) => offsetDateTime ? offsetDateTime.substring(11, 16) : '';

// Every word the console shows, in French (the default) and English. Data from the Api (names, aliases,
// the matching's English detail sentences) is shown as it comes; codes (statuses, reasons) are translated here.

const messages = {
  fr: {
    guestNew: 'Nouvel hébergé', toStays: 'Vers les séjours', guestMoveTitle: 'Vers les séjours : {alias}', guestHousehold: 'Le foyer',
    guestKept: 'Le foyer garde son alias, ses membres et ses nuits sans abri : seul son besoin est à saisir.',
    guestAlias: 'Alias (ex. : Famille A.)', guestMember: 'Personne {n}', guestAge: 'Âge', guestSex: 'Sexe', guestSexChoose: '(choisir)',
    'sex.female': 'féminin', 'sex.male': 'masculin', 'sex.other': 'autre', guestAddMember: 'Ajouter une personne', guestRemoveMember: 'Retirer la personne {n}',
    guestVulnerable: 'Vulnérable', guestWheelchair: "A besoin d'un logement accessible en fauteuil roulant",
    guestNeed: 'Le besoin', guestNeedFrom: 'Première nuit', guestNeedUntil: 'Matin où le besoin finit (facultatif)', guestNeedUntilHint: 'Vide : sans date de fin.',
    guestRegions: 'Régions où il peut aller', guestRegionsHint: 'Aucune cochée : toutes les régions.',
    guestNoRegions: "Aucun hébergeur ne propose encore de séjours : l'hébergé pourra aller dans toutes les régions.",
    guestWaitingAt: 'Où il attend (ex. : Porte de la Chapelle)', guestWhereHint: "La base par défaut. Près de la base, ses nuits sans séjour vont au réseau d'une nuit.",
    guestLatitude: 'Latitude', guestLongitude: 'Longitude', guestSave: "Enregistrer l'hébergé",
    guestRegistered: 'Hébergé enregistré : {alias}. « Planifier » lui cherche des séjours.',
    guestMoved: '{alias} entre dans le programme des séjours, avec ses nuits sans abri. « Planifier » (page Séjours) lui cherche des séjours.',
    'conflict.guest-already-registered': "Ce foyer est déjà dans le programme des séjours : un foyer n'y est enregistré qu'une fois.",
    navStays: 'Séjours', staysTitle: 'Séjours', staysRegion: 'Région', staysFrom: 'À partir du', staysWeeks: 'Semaines', staysShow: 'Afficher',
    staysPlan: 'Planifier', staysCalendarTitle: 'Calendrier des hébergeurs', staysAlertsTitle: 'Alertes des séjours', staysHost: 'Hébergeur',
    staysNoRegion: "Aucune région : enregistrez d'abord des hébergeurs qui proposent des séjours.", staysNoHosts: "Aucun hébergeur de cette région ne propose de séjours.",
    referentTitle: 'Référent', noReferent: 'Aucun référent : les alertes des points hebdomadaires ne vont qu\'aux coordinateurs.', referentName: 'Nommer le référent',
    referentChange: 'Changer de référent', referentPhone: 'Portable du référent', referentSave: 'Enregistrer le référent', referentSaved: 'Référent enregistré.',
    exitTitle: 'Fin de la prise en charge', exitOpen: 'Terminer la prise en charge', exitUntil: 'Dernier matin', exitOutcome: 'Issue', exitNote: 'Note (facultative)',
    exitSave: 'Terminer', exitSaved: 'Prise en charge terminée ; les hébergeurs concernés sont prévenus par SMS.',
    confirmExit: 'Terminer la prise en charge ? Les séjours à partir de ce matin sont annulés et leurs hébergeurs prévenus par SMS.',
    exitDone: 'Terminée ({outcome}), dernier matin : {until}.',
    'outcome.ase-place': 'place à l\'ASE', 'outcome.recognised-minor': 'minorité reconnue', 'outcome.not-recognised': 'minorité non reconnue',
    'outcome.adult-orientation': 'orientation adulte', 'outcome.left-without-news': 'parti sans nouvelles', 'outcome.other': 'autre',
    staysPlanned: 'Plan calculé. Séjours : {stays} ; périodes non couvertes : {uncovered} ; changements de foyer : {moves}. Les propositions partent par SMS aux hébergeurs d\'elles-mêmes, 10 jours avant le début du séjour.',
    staysCaption: 'Séjours en {region}, du {from} au {until} (nuits)', weekOf: 'Semaine du {date}',
    staysPlannedAt: 'Dernier plan de la région : {at}.', staysNotPlanned: 'Pas encore de plan pour cette région : « Planifier » en calcule un.',
    stayBar: '{guest}, {state}, du {from} au matin du {until}', uncoveredCell: 'non couvert du {from} au matin du {until} :',
    uncoveredTitle: 'Nuits non couvertes (le réseau d\'une nuit doit prendre le relais)',
    'stayStatus.proposed': 'proposé', 'stayStatus.confirmed': 'confirmé', 'stayStatus.ongoing': 'en cours', 'stayStatus.ended': 'terminé', 'stayStatus.cancelled': 'annulé',
    'proposal.not-sent': 'pas encore envoyé', 'proposal.awaiting-answer': "attend la réponse de l'hébergeur", 'proposal.expired': 'sans réponse', 'proposal.declined': 'refusé', 'proposal.unreachable': 'injoignable (STOP)', 'proposal.accepted': 'accepté',
    'legend.proposed': 'proposé', 'legend.awaiting-answer': 'attend la réponse', 'legend.confirmed': 'confirmé', 'legend.ongoing': 'en cours', 'legend.ended': 'terminé',
    'legend.uncovered': 'nuit non couverte',
    chainTitle: 'Parcours de {alias}', chainStays: 'Séjours dans l\'ordre', chainEmpty: 'Aucun séjour.', chainNights: '{n} nuits',
    chainJourneys: 'Trajets entre deux accueils', noJourneys: 'Aucun trajet : les séjours confirmés en créent.',
    journeyFromTo: 'de {from} à {to}', journeyMinutes: '{n} min de route', journeyTimes: 'départ {leave}, arrivée vers {arrive}',
    journeyDriver: 'conducteur : {name}, {phone}', hostsTold: 'hébergeurs prévenus', hostsNotTold: 'hébergeurs pas encore prévenus',
    'way.not-arranged': 'à organiser', 'way.volunteer-driver': 'bénévole en voiture', 'way.train': 'train', 'way.other': 'autre',
    journeyWay: 'Comment', journeyTime: 'Heure de départ', journeyDriverName: 'Prénom du conducteur bénévole', journeyDriverPhone: 'Portable du conducteur',
    journeyCostLabel: 'Coût (euros)', journeyNotes: 'Notes', journeySave: 'Enregistrer le trajet', journeyArrange: 'Organiser ce trajet', journeyChange: 'Modifier ce trajet',
    confirmJourney: "Enregistrer ce trajet ? Si l'heure est nouvelle, les deux hébergeurs (et le conducteur) recevront un vrai SMS.",
    journeySaved: 'Trajet enregistré.',
    noStaysAlerts: 'Aucune alerte.', 'alert.stay-journey-not-sent': 'trajet non envoyé (STOP)',
    nightsThisMonth: 'Nuits accueillies ce mois-ci : {n}', nightsThisMonthOf: 'Nuits accueillies ce mois-ci : {n} sur {max} au plus',
    navReports: 'Rapports', reportsTitle: 'Rapports', reportMonth: 'Mois', reportShow: 'Afficher', reportCsv: 'Télécharger le CSV',
    reportHint: 'Des nombres seulement : aucun nom, téléphone ni adresse.',
    reportOneNight: 'Une nuit (Paris)', reportOneNightTotals: '{nights} nuits ; {asking} personnes ont demandé un lit, {placed} ont été accueillies, dont {children} enfants de moins de 10 ans.',
    reportByCategory: 'Personnes accueillies par catégorie', reportByTier: 'Personnes accueillies par priorité', reportNotPlaced: 'Sans lit, par raison',
    reportByWay: 'Comment elles sont arrivées', reportOffers: 'Offres par SMS (réponse : {rate}, en {minutes} min en médiane)',
    reportHosts: '{hosts} hébergeurs ont accueilli, par nombre de nuits', reportNightsBucket: '{bucket} nuit(s)',
    reportStays: 'Séjours (régions)', reportStaysTotals: '{guests} personnes hébergées, {nights} nuits-personnes, {hosts} hébergeurs.',
    reportUncovered: 'Nuits-personnes non couvertes, par raison', reportPeople: '{people} pers. ({households} foyers)',
    'tierN.1': 'priorité 1', 'tierN.2': 'priorité 2', 'tierN.3': 'priorité 3',
    'rk.no-ride': 'pas de trajet', 'rk.outranked': "d'autres passaient avant", 'rk.no-compatible-host': 'aucun hébergeur compatible',
    'rk.too-large': 'foyer trop grand', 'rk.waiting': 'en attente', 'rk.proposed': 'proposé, sans réponse', 'rk.unplaced': 'sans place',
    'rk.vehicle': 'véhicule', 'rk.host-fetches': "l'hébergeur vient les chercher", 'rk.public-transport': 'transports accompagnés',
    'rk.other': 'autre (organisé par les coordinateurs)', 'rk.not-recorded': 'non enregistré',
    skipToContent: 'Aller au contenu', navBoard: 'Ce soir', navHosts: 'Hébergeurs', night: 'Nuit', signOut: 'Se déconnecter',
    signInTitle: 'Console des coordinateurs de nuit', keyLabel: 'Clé de coordinateur', signIn: 'Se connecter',
    signInHint: "La clé vous est donnée par l'administrateur du réseau. Le navigateur ne la garde pas : il garde une session, qui se termine à la fin de la garde.",
    badKey: 'Clé inconnue, révoquée ou expirée.',
    partnerKey: "Cette clé est celle d'une organisation partenaire : elle n'ouvre pas la console. Utilisez une clé de coordinateur.",
    sessionEnded: 'Votre session est terminée. Reconnectez-vous avec votre clé.',
    signedOut: 'Vous êtes déconnecté.',
    keyInAddressRefused: "Ce serveur n'accepte pas de clé dans l'adresse de la page : saisissez-la ici.",
    transportTitle: 'Trajets ce soir', addVehicle: 'Ajouter un véhicule', vehicleKind: 'Type', 'kind.car': 'voiture', 'kind.van': 'camion',
    vehicleLabel: 'Nom du véhicule', vehicleDriver: 'Prénom du conducteur', vehiclePhone: 'Portable du conducteur', vehicleSeats: 'Places passagers',
    vehicleFrom: 'Disponible à partir de', vehicleUntil: 'De retour à la base avant', addVehicleButton: 'Ajouter le véhicule',
    addEscort: 'Ajouter un accompagnateur (métro, bus)', escortName: 'Prénom', escortPhone: 'Portable', addEscortButton: "Ajouter l'accompagnateur",
    planNight: 'Planifier lits et trajets', 'seats.one': '{n} place', 'seats.other': '{n} places', shift: 'disponible {shift}',
    driver: 'conducteur : {name}, {phone}', escort: 'Accompagnateur : {name}', escortTakes: 'accompagne {alias} ({people}) chez {host} : départ de la base {leave}, arrivée vers {at}', fetches: 'vient chercher ses invités à la base', remove: 'Retirer',
    noTransport: 'Aucun véhicule, accompagnateur ni hébergeur qui vient chercher ses invités ce soir.',
    vehicleAdded: '{label} est ajouté pour ce soir.', escortAdded: '{name} est ajouté pour ce soir.',
    nightPlanned: 'Plan de la nuit : {brought} amenées à un lit, {left} sans place. Rien n\'est envoyé.',
    nightPlanHeadline: 'Personnes amenées par priorité : {brought} (au mieux {bound} ; appariement puis camion : {sequential}).',
    rideVehicle: '{vehicle}, trajet {trip}, arrivée vers {at}', rideFetches: "l'hébergeur vient les chercher à la base, arrivée vers {at}",
    ridePublic: 'métro ou bus accompagnés, départ {leave}, arrivée vers {at}', agreed: 'déjà convenu',
    agreedWithoutRide: 'Convenus, mais aucun trajet ce soir : à organiser',
    onTheirWay: 'Déjà en route ou arrivés (sans trajet à prévoir)',
    'reason.no-ride': "Des hébergeurs compatibles ont assez de lits, mais aucun trajet ne peut y amener le foyer ce soir (véhicules, accompagnateurs, hébergeurs qui viennent chercher).",
    boardTitle: 'Nuit du {date}', runMatching: "Lancer l'appariement", sendOffers: 'Envoyer les offres', planVans: 'Planifier le camion',
    sendVanTimes: 'Envoyer les heures aux hébergeurs',
    summaryTitle: 'Bilan de la nuit', alertsTitle: 'À surveiller', matchingTitle: "Résultat de l'appariement",
    unplacedTitle: 'Sans place ce soir', proposalsTitle: 'Propositions', minutes: '{n} min de la base', householdsTitle: 'Foyers', offersTitle: 'Offres par SMS', live: 'en direct',
    vansTitle: 'Camion', hostsTonightTitle: 'Hébergeurs disponibles ce soir', hostsTitle: 'Hébergeurs',
    mapTitle: 'Carte de la nuit', mapTripsTitle: 'Trajets sur la carte', mapBase: 'Base : {name}', mapTrip: '{van}, trajet {trip}, départ {at}',
    mapHelp: "Tab pour aller d'un point à l'autre, Entrée pour le détail ; les flèches déplacent la carte, + et - zooment.",
    'mapState.available': 'disponible', 'mapState.proposed': 'proposé', 'mapState.confirmed': 'confirmé',
    'mapLegend.base': 'la base', 'mapLegend.trip': 'trajet du camion', mapNoTrips: "Pas encore de trajet : planifiez le camion.",
    searchLabel: 'Chercher (nom, code, adresse)', importTitle: 'Importer un fichier CSV', csvLabel: 'Fichier CSV des hébergeurs (une ligne par hébergeur)',
    import: 'Importer', moveTo: "Vers l'hébergeur", move: 'Déplacer', cancel: 'Annuler',
    requested: 'Demandes', placed: 'Placés (confirmés)', proposed: 'Proposés', waiting: 'En attente', unplaced: 'Sans place', 'people.one': '{n} personne', 'people.other': '{n} personnes',
    working: 'Un instant…', matchingDone: '{placed}, {unplaced}. {optimal}',
    'householdsProposed.one': '{n} foyer proposé', 'householdsProposed.other': '{n} foyers proposés',
    'householdsUnplaced.one': '{n} sans place', 'householdsUnplaced.other': '{n} sans place',
    provedOptimal: 'Meilleur plan possible (prouvé).', notProved: "Meilleur plan trouvé dans le temps imparti (non prouvé optimal : écart d'au plus {gap}).", notProvedNoGap: 'Meilleur plan trouvé dans le temps imparti (non prouvé optimal).',
    'offersSent.one': '{count} offre envoyée.', 'offersSent.other': '{count} offres envoyées.', noOffersToSend: "Aucune offre à envoyer : lancez l'appariement d'abord, ou les hébergeurs répondent encore.",
    'vansPlanned.one': 'Camion planifié : {count} trajet.', 'vansPlanned.other': 'Camion planifié : {count} trajets.',
    'vanTimesSent.one': 'Heure envoyée à {count} hébergeur.', 'vanTimesSent.other': 'Heures envoyées à {count} hébergeurs.',
    moved: '{alias} est maintenant proposé chez {host}.', moveTitle: 'Déplacer {alias}',
    noHousehold: 'Aucune demande pour cette nuit.', noOffers: 'Aucune offre envoyée.', noVans: 'Aucun trajet planifié.',
    noHosts: 'Aucun hébergeur.', noneUnplaced: 'Tout le monde a une place proposée.',
    'adults.one': '{n} adulte', 'adults.other': '{n} adultes', 'children.one': '{n} enfant', 'children.other': '{n} enfants', 'ages.one': 'âge {ages}', 'ages.other': 'âges {ages}', tier: 'priorité {tier}',
    vulnerable: 'vulnérable', wheelchair: 'fauteuil roulant', 'nightsOut.one': '{n} nuit dehors', 'nightsOut.other': '{n} nuits dehors',
    at: 'chez {host}', moveAction: 'Déplacer',
    'category.family': 'famille', 'category.minor': 'mineur non accompagné', 'category.women': 'femmes', 'category.men': 'hommes',
    'status.waiting': 'en attente', 'status.proposed': 'proposé', 'status.confirmed': 'confirmé', 'status.delivered': 'déposé',
    'status.unplaced': 'sans place', 'status.cancelled': 'annulé',
    'offer.open': 'attend la réponse', 'offer.accepted': 'OUI', 'offer.declined': 'NON', 'offer.expired': 'sans réponse',
    'offer.cancelled': 'annulée', 'offer.superseded': 'remplacée',
    'sms.pending': "SMS en attente d'envoi", 'sms.sending': 'SMS en cours d\'envoi', 'sms.sent': 'SMS envoyé', 'sms.failed': 'SMS en échec', 'sms.skipped': 'SMS non envoyé (offre close)',
    'sms.delivered': 'SMS reçu', 'sms.undelivered': 'SMS non remis',
    expiresAt: 'réponse avant {time}', answeredAt: 'répondu à {time}', resend: 'Renvoyer', cancelOffer: 'Annuler l\'offre',
    'reason.no-compatible-host': "Aucun hébergeur compatible ce soir, même avec tous les lits libres (catégorie, certification mineurs, accessibilité ou distance).",
    'reason.too-large': "Des hébergeurs compatibles existent, mais aucun n'a assez de lits pour tout le foyer (on ne sépare pas un foyer).",
    'reason.outranked': 'Un hébergeur compatible a assez de lits, mais le meilleur plan le donne à des foyers de priorité égale ou plus haute.',
    'reason.too-large-for-van': 'Trop de personnes pour un seul trajet du camion : à organiser autrement.',
    'reason.no-time': "Aucun trajet du camion n'arrive dans la plage horaire de l'hébergeur.",
    trip: '{van}, trajet {trip}', departs: 'départ {depart}, retour {back}', 'passengers.one': '{n} passager', 'passengers.other': '{n} passagers', departed: 'parti',
    runSheet: 'Feuille de route', runSheetCsv: 'CSV', unserved: 'Non desservis',
    beds: '{beds}, {households}', 'bedCount.one': '{n} lit', 'bedCount.other': '{n} lits',
    'householdsMax.one': '{n} foyer max', 'householdsMax.other': '{n} foyers max',
    'occupied.one': '{n} personne placée ou proposée', 'occupied.other': '{n} personnes placées ou proposées',
    minorsCertified: 'certifié mineurs', accessible: 'accessible', accepts: 'accueille : {list}',
    agreementUntil: "convention jusqu'au {date}", expiresSoon: 'convention qui expire bientôt', expired: 'convention expirée',
    optedOut: 'SMS refusés (STOP)', smsOk: 'SMS acceptés', arrival: 'arrivée {from}–{until}',
    importDone: 'Import réussi : {created}, {updated}.', 'created.one': '{n} créé', 'created.other': '{n} créés',
    'updated.one': '{n} mis à jour', 'updated.other': '{n} mis à jour', importFailed: "Rien n'a été importé : corrigez ces lignes.",
    line: 'Ligne', column: 'Colonne', problem: 'Problème',
    'alert.sms-stop': 'a envoyé STOP', 'alert.offer-cancelled': 'a annulé', 'alert.sms-failed': 'SMS non envoyé',
    refusedBecause: 'Refusé : {reason}', allowed: 'compatible', incompatible: 'incompatible : {reason}',
    'bedsFree.one': '{n} lit libre', 'bedsFree.other': '{n} lits libres',
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
    'problem.csrf': "La console n'a pas pu prouver que cette demande vient d'elle (jeton anti-falsification manquant ou périmé). Rechargez la page, puis réessayez.",
    'problem.too-many-requests': 'Trop de demandes en peu de temps. Attendez quelques secondes, puis réessayez.',
    'problem.unavailable': 'Le serveur est momentanément indisponible. Réessayez dans un instant.',
    'problem.validation': 'Demande refusée : des valeurs ne sont pas valides.',
    'problem.conflict': "Impossible pour l'instant : {reason}",
    'problem.not-found': "Introuvable : la donnée a peut-être été supprimée, ou n'existe pas pour cette nuit.",
    'problem.forbidden': "Votre clé ne permet pas cette action.",
    'problem.payload-too-large': 'Fichier trop volumineux.',
    'problem.internal': "Erreur du serveur. Réessayez ; si elle revient, prévenez l'administrateur.",
    confirmSendOffers: 'Envoyer maintenant les offres par SMS aux hébergeurs ? Chaque hébergeur concerné recevra un vrai SMS.',
    confirmCancelOffer: "Annuler l'offre faite à {host} pour {alias} ? L'hébergeur en sera informé.",
    offline: 'hors ligne', offerResent: 'Offre renvoyée à {host}.', offerCancelled: 'Offre à {host} annulée.',
  },
  en: {
    guestNew: 'New guest', toStays: 'To the stays programme', guestMoveTitle: 'To the stays programme: {alias}', guestHousehold: 'The household',
    guestKept: 'The household keeps its alias, members and nights without shelter: only its need is typed.',
    guestAlias: 'Alias (e.g. Famille A.)', guestMember: 'Person {n}', guestAge: 'Age', guestSex: 'Sex', guestSexChoose: '(choose)',
    'sex.female': 'female', 'sex.male': 'male', 'sex.other': 'other', guestAddMember: 'Add a person', guestRemoveMember: 'Remove person {n}',
    guestVulnerable: 'Vulnerable', guestWheelchair: 'Needs a wheelchair-accessible home',
    guestNeed: 'The need', guestNeedFrom: 'First night', guestNeedUntil: 'Morning the need ends (optional)', guestNeedUntilHint: 'Empty: no end date.',
    guestRegions: 'Regions it may stay in', guestRegionsHint: 'None ticked: any region.',
    guestNoRegions: 'No host offers stays yet: the guest may go to any region.',
    guestWaitingAt: 'Where it waits (e.g. Porte de la Chapelle)', guestWhereHint: "The base by default. Near the base, its nights without a stay go to the one-night network.",
    guestLatitude: 'Latitude', guestLongitude: 'Longitude', guestSave: 'Register the guest',
    guestRegistered: 'Guest registered: {alias}. "Plan" looks for its stays.',
    guestMoved: '{alias} moves into the stays programme, its nights without shelter kept. "Plan" (Stays page) looks for its stays.',
    'conflict.guest-already-registered': 'This household is already in the stays programme: a household is registered there only once.',
    navStays: 'Stays', staysTitle: 'Stays', staysRegion: 'Region', staysFrom: 'From', staysWeeks: 'Weeks', staysShow: 'Show',
    staysPlan: 'Plan', staysCalendarTitle: "Hosts' calendar", staysAlertsTitle: 'Stays alerts', staysHost: 'Host',
    staysNoRegion: 'No region: first register hosts who offer stays.', staysNoHosts: 'No host of this region offers stays.',
    referentTitle: 'Referent', noReferent: 'No referent: check-in alerts go to the coordinators only.', referentName: 'Name the referent',
    referentChange: 'Change the referent', referentPhone: "Referent's mobile", referentSave: 'Save the referent', referentSaved: 'Referent saved.',
    exitTitle: 'End of support', exitOpen: 'End the support', exitUntil: 'Last morning', exitOutcome: 'Outcome', exitNote: 'Note (optional)',
    exitSave: 'End', exitSaved: 'Support ended; the hosts concerned are told by SMS.',
    confirmExit: 'End the support? The stays from that morning are called off and their hosts told by SMS.',
    exitDone: 'Ended ({outcome}), last morning: {until}.',
    'outcome.ase-place': 'child welfare place', 'outcome.recognised-minor': 'recognised as a minor', 'outcome.not-recognised': 'not recognised as a minor',
    'outcome.adult-orientation': 'adult orientation', 'outcome.left-without-news': 'left without news', 'outcome.other': 'other',
    staysPlanned: 'Plan computed. Stays: {stays}; uncovered periods: {uncovered}; moves: {moves}. The proposals go to the hosts by SMS by themselves, 10 days before each stay begins.',
    staysCaption: 'Stays in {region}, {from} to {until} (nights)', weekOf: 'Week of {date}',
    staysPlannedAt: "The region's latest plan: {at}.", staysNotPlanned: 'No plan for this region yet: "Plan" computes one.',
    stayBar: '{guest}, {state}, from {from} to the morning of {until}', uncoveredCell: 'uncovered from {from} to the morning of {until}:',
    uncoveredTitle: 'Uncovered nights (the one-night network must take over)',
    'stayStatus.proposed': 'proposed', 'stayStatus.confirmed': 'confirmed', 'stayStatus.ongoing': 'ongoing', 'stayStatus.ended': 'ended', 'stayStatus.cancelled': 'cancelled',
    'proposal.not-sent': 'not sent yet', 'proposal.awaiting-answer': "awaiting the host's answer", 'proposal.expired': 'no answer', 'proposal.declined': 'declined', 'proposal.unreachable': 'unreachable (STOP)', 'proposal.accepted': 'accepted',
    'legend.proposed': 'proposed', 'legend.awaiting-answer': 'awaiting answer', 'legend.confirmed': 'confirmed', 'legend.ongoing': 'ongoing', 'legend.ended': 'ended',
    'legend.uncovered': 'uncovered night',
    chainTitle: "{alias}'s chain", chainStays: 'Stays in order', chainEmpty: 'No stay.', chainNights: '{n} nights',
    chainJourneys: 'Journeys between homes', noJourneys: 'No journey: confirmed stays make them.',
    journeyFromTo: 'from {from} to {to}', journeyMinutes: '{n} min drive', journeyTimes: 'leaves {leave}, arrives around {arrive}',
    journeyDriver: 'driver: {name}, {phone}', hostsTold: 'hosts told', hostsNotTold: 'hosts not told yet',
    'way.not-arranged': 'to arrange', 'way.volunteer-driver': 'volunteer driver', 'way.train': 'train', 'way.other': 'other',
    journeyWay: 'How', journeyTime: 'Departure time', journeyDriverName: "Volunteer driver's first name", journeyDriverPhone: "Driver's mobile",
    journeyCostLabel: 'Cost (euros)', journeyNotes: 'Notes', journeySave: 'Save the journey', journeyArrange: 'Arrange this journey', journeyChange: 'Change this journey',
    confirmJourney: 'Save this journey? If the time is new, both hosts (and the driver) will get a real SMS.',
    journeySaved: 'Journey saved.',
    noStaysAlerts: 'No alert.', 'alert.stay-journey-not-sent': 'journey not sent (STOP)',
    nightsThisMonth: 'Nights hosted this month: {n}', nightsThisMonthOf: 'Nights hosted this month: {n} of {max} at most',
    navReports: 'Reports', reportsTitle: 'Reports', reportMonth: 'Month', reportShow: 'Show', reportCsv: 'Download the CSV',
    reportHint: 'Counts only: no name, phone or address.',
    reportOneNight: 'One night (Paris)', reportOneNightTotals: '{nights} nights; {asking} people asked for a bed, {placed} were hosted, {children} of them children under 10.',
    reportByCategory: 'People hosted by category', reportByTier: 'People hosted by priority', reportNotPlaced: 'Without a bed, by reason',
    reportByWay: 'How they got there', reportOffers: 'SMS offers (answered: {rate}, in {minutes} min median)',
    reportHosts: '{hosts} hosts hosted, by nights hosted', reportNightsBucket: '{bucket} night(s)',
    reportStays: 'Stays (regions)', reportStaysTotals: '{guests} people hosted, {nights} person-nights, {hosts} hosts.',
    reportUncovered: 'Person-nights not covered, by reason', reportPeople: '{people} people ({households} households)',
    'tierN.1': 'priority 1', 'tierN.2': 'priority 2', 'tierN.3': 'priority 3',
    'rk.no-ride': 'no ride', 'rk.outranked': 'others came first', 'rk.no-compatible-host': 'no compatible host',
    'rk.too-large': 'household too large', 'rk.waiting': 'waiting', 'rk.proposed': 'proposed, no answer', 'rk.unplaced': 'no place',
    'rk.vehicle': 'vehicle', 'rk.host-fetches': 'the host fetches them', 'rk.public-transport': 'escorted public transport',
    'rk.other': 'other (arranged by the coordinators)', 'rk.not-recorded': 'not recorded',
    skipToContent: 'Skip to content', navBoard: 'Tonight', navHosts: 'Hosts', night: 'Night', signOut: 'Sign out',
    signInTitle: "Night coordinators' console", keyLabel: 'Coordinator key', signIn: 'Sign in',
    signInHint: "The network's administrator gives you the key. The browser does not keep it: it keeps a session, which ends with the shift.",
    badKey: 'Unknown, revoked or expired key.',
    partnerKey: "This key belongs to a partner organisation: it does not open the console. Use a coordinator's key.",
    sessionEnded: 'Your session has ended. Sign in again with your key.',
    signedOut: 'You are signed out.',
    keyInAddressRefused: 'This server does not take a key in the page address: type it here.',
    transportTitle: 'Rides tonight', addVehicle: 'Add a vehicle', vehicleKind: 'Kind', 'kind.car': 'car', 'kind.van': 'van',
    vehicleLabel: "Vehicle's name", vehicleDriver: "Driver's first name", vehiclePhone: "Driver's mobile", vehicleSeats: 'Passenger seats',
    vehicleFrom: 'Available from', vehicleUntil: 'Back at the base by', addVehicleButton: 'Add the vehicle',
    addEscort: 'Add an escort (metro, bus)', escortName: 'First name', escortPhone: 'Mobile', addEscortButton: 'Add the escort',
    planNight: 'Plan beds and rides', 'seats.one': '{n} seat', 'seats.other': '{n} seats', shift: 'available {shift}',
    driver: 'driver: {name}, {phone}', escort: 'Escort: {name}', escortTakes: 'takes {alias} ({people}) to {host}: leaves the base at {leave}, arrives around {at}', fetches: 'fetches their guests at the base', remove: 'Remove',
    noTransport: 'No vehicle, escort or host who fetches their guests tonight.',
    vehicleAdded: '{label} is added for tonight.', escortAdded: '{name} is added for tonight.',
    nightPlanned: 'Night plan: {brought} brought to a bed, {left} without a place. Nothing is sent.',
    nightPlanHeadline: 'People brought by priority: {brought} (at best {bound}; matching then van: {sequential}).',
    rideVehicle: '{vehicle}, trip {trip}, arrives about {at}', rideFetches: 'the host fetches them at the base, arrives about {at}',
    ridePublic: 'metro or bus with an escort, leaves {leave}, arrives about {at}', agreed: 'already agreed',
    agreedWithoutRide: 'Agreed, but no ride tonight: to arrange',
    onTheirWay: 'Already on their way or there (no ride to plan)',
    'reason.no-ride': 'Compatible hosts have enough beds, but no ride can bring the household to any of them tonight (vehicles, escorts, hosts who fetch).',
    boardTitle: 'Night of {date}', runMatching: 'Run matching', sendOffers: 'Send offers', planVans: 'Plan the van',
    sendVanTimes: 'Text hosts their arrival time',
    summaryTitle: "The night's summary", alertsTitle: 'Keep an eye on', matchingTitle: 'Matching result',
    unplacedTitle: 'No place tonight', proposalsTitle: 'Proposals', minutes: '{n} min from the base', householdsTitle: 'Households', offersTitle: 'SMS offers', live: 'live',
    vansTitle: 'Van', hostsTonightTitle: 'Hosts available tonight', hostsTitle: 'Hosts',
    mapTitle: "Tonight's map", mapTripsTitle: 'Trips on the map', mapBase: 'Base: {name}', mapTrip: '{van}, trip {trip}, leaving {at}',
    mapHelp: 'Tab moves from point to point, Enter opens its detail; the arrows move the map, + and - zoom.',
    'mapState.available': 'available', 'mapState.proposed': 'proposed', 'mapState.confirmed': 'confirmed',
    'mapLegend.base': 'the base', 'mapLegend.trip': "the van's trip", mapNoTrips: 'No trip yet: plan the van.',
    searchLabel: 'Search (name, code, address)', importTitle: 'Import a CSV file', csvLabel: "Hosts' CSV file (one line per host)",
    import: 'Import', moveTo: 'To host', move: 'Move', cancel: 'Cancel',
    requested: 'Requested', placed: 'Placed (confirmed)', proposed: 'Proposed', waiting: 'Waiting', unplaced: 'No place', 'people.one': '{n} person', 'people.other': '{n} people',
    working: 'One moment…', matchingDone: '{placed}, {unplaced}. {optimal}',
    'householdsProposed.one': '{n} household proposed', 'householdsProposed.other': '{n} households proposed',
    'householdsUnplaced.one': '{n} without a place', 'householdsUnplaced.other': '{n} without a place',
    provedOptimal: 'Best possible plan (proved).', notProved: 'Best plan found in the time allowed (not proved optimal: at most {gap} off).', notProvedNoGap: 'Best plan found in the time allowed (not proved optimal).',
    'offersSent.one': '{count} offer sent.', 'offersSent.other': '{count} offers sent.', noOffersToSend: 'No offer to send: run the matching first, or hosts are still answering.',
    'vansPlanned.one': 'Van planned: {count} trip.', 'vansPlanned.other': 'Van planned: {count} trips.',
    'vanTimesSent.one': 'Time sent to {count} host.', 'vanTimesSent.other': 'Times sent to {count} hosts.',
    moved: '{alias} is now proposed at {host}.', moveTitle: 'Move {alias}',
    noHousehold: 'No request for this night.', noOffers: 'No offer sent.', noVans: 'No trip planned.',
    noHosts: 'No host.', noneUnplaced: 'Everyone has a proposed place.',
    'adults.one': '{n} adult', 'adults.other': '{n} adults', 'children.one': '{n} child', 'children.other': '{n} children', 'ages.one': 'age {ages}', 'ages.other': 'ages {ages}', tier: 'priority {tier}',
    vulnerable: 'vulnerable', wheelchair: 'wheelchair', 'nightsOut.one': '{n} night outside', 'nightsOut.other': '{n} nights outside',
    at: 'at {host}', moveAction: 'Move',
    'category.family': 'family', 'category.minor': 'unaccompanied minor', 'category.women': 'women', 'category.men': 'men',
    'status.waiting': 'waiting', 'status.proposed': 'proposed', 'status.confirmed': 'confirmed', 'status.delivered': 'delivered',
    'status.unplaced': 'no place', 'status.cancelled': 'cancelled',
    'offer.open': 'waiting for the answer', 'offer.accepted': 'YES', 'offer.declined': 'NO', 'offer.expired': 'no answer',
    'offer.cancelled': 'cancelled', 'offer.superseded': 'superseded',
    'sms.pending': 'SMS waiting to be sent', 'sms.sending': 'SMS being sent', 'sms.sent': 'SMS sent', 'sms.failed': 'SMS failed', 'sms.skipped': 'SMS not sent (offer closed)',
    'sms.delivered': 'SMS delivered', 'sms.undelivered': 'SMS not delivered',
    expiresAt: 'answer by {time}', answeredAt: 'answered at {time}', resend: 'Resend', cancelOffer: 'Cancel offer',
    'reason.no-compatible-host': 'No compatible host tonight, even with every bed free (category, minors certification, access or distance).',
    'reason.too-large': 'Compatible hosts exist but none has enough beds for the whole household (households are never split).',
    'reason.outranked': 'A compatible host has enough beds, but the best plan gives it to households of the same or a higher priority.',
    'reason.too-large-for-van': 'Too many people for one van trip: arrange other transport.',
    'reason.no-time': "No van trip reaches this host inside the host's window.",
    trip: '{van}, trip {trip}', departs: 'leaves {depart}, back {back}', 'passengers.one': '{n} passenger', 'passengers.other': '{n} passengers', departed: 'left',
    runSheet: 'Run sheet', runSheetCsv: 'CSV', unserved: 'Not served',
    beds: '{beds}, {households}', 'bedCount.one': '{n} bed', 'bedCount.other': '{n} beds',
    'householdsMax.one': '{n} household at most', 'householdsMax.other': '{n} households at most',
    'occupied.one': '{n} person placed or proposed', 'occupied.other': '{n} people placed or proposed',
    minorsCertified: 'certified for minors', accessible: 'accessible', accepts: 'takes: {list}',
    agreementUntil: 'agreement until {date}', expiresSoon: 'agreement expiring soon', expired: 'agreement expired',
    optedOut: 'SMS refused (STOP)', smsOk: 'SMS accepted', arrival: 'arrival {from}–{until}',
    importDone: 'Imported: {created}, {updated}.', 'created.one': '{n} created', 'created.other': '{n} created',
    'updated.one': '{n} updated', 'updated.other': '{n} updated', importFailed: 'Nothing was imported: fix these lines.',
    line: 'Line', column: 'Column', problem: 'Problem',
    'alert.sms-stop': 'sent STOP', 'alert.offer-cancelled': 'cancelled', 'alert.sms-failed': 'SMS not sent',
    refusedBecause: 'Refused: {reason}', allowed: 'compatible', incompatible: 'incompatible: {reason}',
    'bedsFree.one': '{n} bed free', 'bedsFree.other': '{n} beds free',
    error: 'Error: {detail}', networkError: 'The server does not answer. Check the connection and try again.',
    'problem.csrf': "The console could not prove this request came from it (anti-forgery token missing or out of date). Reload the page, then try again.",
    'problem.too-many-requests': 'Too many requests in a short time. Wait a few seconds, then try again.',
    'problem.unavailable': 'The server is unavailable for a moment. Try again shortly.',
    'problem.validation': 'Request refused: some values are not valid.',
    'problem.conflict': 'Not possible right now: {reason}',
    'problem.not-found': 'Not found: it may have been deleted, or does not exist for this night.',
    'problem.forbidden': 'Your key does not allow this action.',
    'problem.payload-too-large': 'File too large.',
    'problem.internal': 'Server error. Try again; if it happens again, tell the administrator.',
    confirmSendOffers: 'Send the offers to the hosts by SMS now? Each host concerned will receive a real SMS.',
    confirmCancelOffer: 'Cancel the offer to {host} for {alias}? The host will be told.',
    offline: 'offline', offerResent: 'Offer sent again to {host}.', offerCancelled: 'Offer to {host} cancelled.',
  },
};

const stored = localStorage.getItem('hm-lang');
let lang = stored === 'en' ? 'en' : 'fr';

export const language = () => lang;

const pluralRules = {};

/** The plural form ('one', 'other'…) of a number in the current language. */
const pluralOf = (n) => (pluralRules[lang] ??= new Intl.PluralRules(lang)).select(Number(n));

/**
 * The message for a key in the current language, with {name} placeholders filled; the key itself if unknown.
 * A key written as 'key.one' / 'key.other' is a count: the form is chosen by params.count (or params.n).
 */
export function t(key, params = {}) {
  const n = params.count ?? params.n;
  const table = messages[lang];
  let text = table[key] ?? messages.fr[key];
  if (text === undefined && n !== undefined) {
    const form = `${key}.${pluralOf(n)}`;
    text = table[form] ?? table[`${key}.other`] ?? messages.fr[`${key}.${pluralOf(n)}`] ?? messages.fr[`${key}.other`];
  }
  text ??= key;
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

const dateFormats = {};

/** A calendar date from the Api (yyyy-mm-dd) in words: "jeudi 26 novembre 2026" / "Thursday 26 November 2026". */
export function longDate(isoDate, { weekday = true } = {}) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate ?? '')) return isoDate ?? '';
  const id = `${lang}-${weekday}`;
  dateFormats[id] ??= new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB',
    { timeZone: 'UTC', weekday: weekday ? 'long' : undefined, day: 'numeric', month: 'long', year: 'numeric' });
  // The date alone, at midnight UTC, formatted in UTC: no time zone can move it to the day before.
  // Put together from its parts, in the same order in both languages, without the comma some versions put after the day's name.
  const parts = Object.fromEntries(dateFormats[id].formatToParts(new Date(`${isoDate}T00:00:00Z`)).map((p) => [p.type, p.value]));
  return [parts.weekday, parts.day, parts.month, parts.year].filter(Boolean).join(' ');
}

const percentFormats = {};

/** A fraction in [0, 1] as a percentage ("3 %" / "3%"), rounded up: an upper bound stays an upper bound. */
export function percent(fraction) {
  percentFormats[lang] ??= new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 1, roundingMode: 'ceil' });
  return percentFormats[lang].format(fraction);
}

/** An OffsetDateTime from the Api, already in Paris time: its clock time as written. */
export const localClock = (offsetDateTime) => offsetDateTime ? offsetDateTime.substring(11, 16) : '';

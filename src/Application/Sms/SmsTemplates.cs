using System.Globalization;
using System.Text;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Requests;
using NodaTime;

namespace HostingMatch.Application.Sms;

/// <summary>
/// Every text we send to hosts, in French and English, in one place. All of them stay in the GSM-7 alphabet
/// (no ç, ê, â, À...) so that one SMS holds 160 characters, not 70; a test checks each fits one segment.
/// Guests are described, never named. Replies advertise ANNULE, never CANCEL (Twilio reads CANCEL as an opt-out).
/// </summary>
public static class SmsTemplates
{
    /// <summary>A first name longer than this is cut: the offer must stay one SMS.</summary>
    public const int MaxFirstNameLength = 14;

    /// <summary>"Bonsoir Claire, pouvez-vous accueillir ce soir 1 adulte et 2 enfants (4 et 7 ans) ? Arrivée vers 21h30. Répondez OUI ou NON."</summary>
    public static string Offer(Language language, string hostName, IReadOnlyCollection<Member> members, LocalTime arrival) =>
        Offer(language, hostName, members, new OfferArrival(null, arrival, null));

    /// <summary>
    /// The offer with the night plan's ride: "Arrivée vers 21h40 en voiture.", "Arrivée vers 21h40 en métro avec un
    /// bénévole.", or for a host who fetches "Vous venez les chercher à la base à 20h30.". One SMS: the ages go first when
    /// it would not fit.
    /// </summary>
    public static string Offer(Language language, string hostName, IReadOnlyCollection<Member> members, OfferArrival arrival)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var name = FirstName(hostName);
        var withAges = OfferText(language, name, People.Describe(language, members, withAges: true), arrival);
        return SmsSegments.Measure(withAges).IsSingleSegment
            ? withAges
            : OfferText(language, name, People.Describe(language, members, withAges: false), arrival);
    }

    /// <summary>
    /// The host said yes, with what happens next by the ride: a host who fetches is reminded when to be at the base, one
    /// whose guests come by public transport when they arrive; otherwise the vehicle's time follows by SMS.
    /// </summary>
    public static string Thanks(Language language, string hostName, PlannedRide? ride) => (language, ride?.Way) switch
    {
        (Language.En, PlannedRideWay.HostFetches) =>
            $"Thank you{Greeting(hostName)}! It is confirmed for tonight: see you at the base at {Clock(language, Domain.Night.Clock(ride!.LeaveBaseAt ?? ride.ArriveAt))}. If you can no longer host, reply ANNULE.",
        (_, PlannedRideWay.HostFetches) =>
            $"Merci{Greeting(hostName)} ! C'est confirmé pour ce soir : rendez-vous à la base à {Clock(language, Domain.Night.Clock(ride!.LeaveBaseAt ?? ride.ArriveAt))}. Si vous ne pouvez plus, répondez ANNULE.",
        (Language.En, PlannedRideWay.PublicTransport) =>
            $"Thank you{Greeting(hostName)}! It is confirmed for tonight: a volunteer brings them around {Clock(language, Domain.Night.Clock(ride!.ArriveAt))}. If you can no longer host, reply ANNULE.",
        (_, PlannedRideWay.PublicTransport) =>
            $"Merci{Greeting(hostName)} ! C'est confirmé pour ce soir : un bénévole les accompagne, arrivée vers {Clock(language, Domain.Night.Clock(ride!.ArriveAt))}. Si vous ne pouvez plus, répondez ANNULE.",
        _ => Thanks(language, hostName),
    };

    /// <summary>The host said yes.</summary>
    public static string Thanks(Language language, string hostName) => language switch
    {
        Language.En => $"Thank you{Greeting(hostName)}! It is confirmed for tonight. We will text you the van's arrival time. If you can no longer host, reply ANNULE.",
        _ => $"Merci{Greeting(hostName)} ! C'est confirmé pour ce soir. Nous vous enverrons l'heure d'arrivée du véhicule. Si vous ne pouvez plus, répondez ANNULE.",
    };

    /// <summary>The host said no.</summary>
    public static string DeclineAck(Language language) => language switch
    {
        Language.En => "Thank you for letting us know. We will find another solution. See you another time!",
        _ => "Merci de votre réponse, nous trouverons une autre solution. A une prochaine fois !",
    };

    /// <summary>Anything we could not read; the offer stays open.</summary>
    public static string Help(Language language) => language switch
    {
        Language.En => "Reply YES to host tonight, NO to decline, ANNULE to cancel after saying yes, STOP to receive no more SMS.",
        _ => "Répondez OUI pour accueillir ce soir, NON pour refuser, ANNULE pour annuler après avoir accepté, STOP pour ne plus recevoir de SMS.",
    };

    /// <summary>A yes or no when we are not waiting for one from this host.</summary>
    public static string NothingPending(Language language) => language switch
    {
        Language.En => "Thank you! We are not waiting for an answer from you right now.",
        _ => "Merci ! Nous n'attendons pas de réponse de votre part pour le moment.",
    };

    /// <summary>A reply after the offer expired or the household was placed elsewhere.</summary>
    public static string TooLate(Language language) => language switch
    {
        Language.En => "Thank you very much, it is already arranged for tonight. See you another time!",
        _ => "Merci beaucoup, c'est déjà organisé pour ce soir. A une prochaine fois !",
    };

    /// <summary>Another yes from a host who already accepted tonight: the household is coming.</summary>
    public static string StillConfirmed(Language language) => language switch
    {
        Language.En => "Thank you, it is confirmed for tonight, we are counting on you! If you can no longer host, reply ANNULE.",
        _ => "Merci, c'est bien confirmé pour ce soir, nous comptons sur vous ! Si vous ne pouvez plus, répondez ANNULE.",
    };

    /// <summary>A no from a host who already accepted tonight: nothing changes unless they cancel.</summary>
    public static string ConfirmedCancelHelp(Language language) => language switch
    {
        Language.En => "Tonight's stay is confirmed and the household is counting on you. To cancel it, reply ANNULE.",
        _ => "L'accueil de ce soir est confirmé et les personnes comptent sur vous. Pour l'annuler, répondez ANNULE.",
    };

    /// <summary>The host cancelled after accepting.</summary>
    public static string CancelAck(Language language) => language switch
    {
        Language.En => "Noted, tonight's stay is cancelled and the team is told. Thank you for letting us know.",
        _ => "C'est noté, l'accueil de ce soir est annulé et l'équipe est prévenue. Merci de nous avoir prévenus.",
    };

    /// <summary>The partner withdrew the household the host was offered or had accepted: nobody is coming.</summary>
    public static string StayCancelled(Language language, string hostName) => language switch
    {
        Language.En => $"Hello{Greeting(hostName)}, tonight's stay is cancelled: the people no longer need it. Nobody will come, no need to reply. Thank you!",
        _ => $"Bonsoir{Greeting(hostName)}, l'accueil de ce soir est annulé : les personnes n'en ont plus besoin. Personne ne viendra, inutile de répondre. Merci !",
    };

    /// <summary>The host sent STOP.</summary>
    public static string OptOutAck(Language language) => language switch
    {
        Language.En => "You will receive no more SMS from us. Reply START to receive them again.",
        _ => "Vous ne recevrez plus de SMS de notre part. Répondez START pour les recevoir à nouveau.",
    };

    /// <summary>The host sent START.</summary>
    public static string OptInAck(Language language) => language switch
    {
        Language.En => "Noted, you will receive our SMS again. Thank you!",
        _ => "C'est noté, vous recevrez à nouveau nos SMS. Merci !",
    };

    /// <summary>
    /// A host's thanks for a month: "Bonjour Claire, merci ! En novembre, vous avez accueilli 7 personnes sur 3 nuits.
    /// Toute l'équipe vous remercie." One segment; the month in GSM-7 ("aout", not "août").
    /// </summary>
    public static string MonthlyThanks(Language language, string hostName, LocalDate month, int people, int nights) => language switch
    {
        Language.En => $"Hello{Greeting(hostName)}, thank you! In {EnglishMonths[month.Month - 1]} you hosted {Count(people, "person", "people")} over {Count(nights, "night", "nights")}. The whole team thanks you.",
        _ => $"Bonjour{Greeting(hostName)}, merci ! En {FrenchMonths[month.Month - 1]}, vous avez accueilli {Count(people, "personne", "personnes")} sur {Count(nights, "nuit", "nuits")}. Toute l'équipe vous remercie.",
    };

    private static readonly string[] FrenchMonths =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "décembre"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static string Count(int n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";

    /// <summary>The van's arrival time at a confirmed host's.</summary>
    public static string VanArrival(Language language, string hostName, LocalTime arrival) => language switch
    {
        Language.En => $"Hello{Greeting(hostName)}, the van will arrive at your place around {Clock(language, arrival)}. Thank you for hosting!",
        _ => $"Bonsoir{Greeting(hostName)}, le véhicule arrivera chez vous vers {Clock(language, arrival)}. Merci pour votre accueil !",
    };

    /// <summary>A host who fetches their guests at the base: when to be there (sent with the van times, again when it moves).</summary>
    public static string HostFetchTime(Language language, string hostName, LocalTime leaveBase) => language switch
    {
        Language.En => $"Hello{Greeting(hostName)}, please be at the base at {Clock(language, leaveBase)} to fetch the people you host tonight. Thank you!",
        _ => $"Bonsoir{Greeting(hostName)}, rendez-vous à la base à {Clock(language, leaveBase)} pour venir chercher les personnes que vous accueillez ce soir. Merci !",
    };

    /// <summary>
    /// A volunteer driver's evening (in French: drivers and escorts are the network's own volunteers): each trip's
    /// departure from the base and its stops with the time, the address and the host's first name and phone. Several SMS
    /// long when the evening is; the run sheet (<paramref name="sheetLink"/>, when the server has a public address) has the same, kept up to date.
    /// </summary>
    public static string DriverTrips(string driverFirstName, string vehicleLabel, IReadOnlyList<DriverTrip> trips, string? sheetLink = null)
    {
        ArgumentNullException.ThrowIfNull(trips);
        var text = new StringBuilder($"Bonsoir{Prefix(FirstName(driverFirstName))}, vos trajets ce soir avec {vehicleLabel} :");
        foreach (var trip in trips)
        {
            text.Append($" Trajet {trip.Number.ToString(CultureInfo.InvariantCulture)}, départ de la base {Clock(Language.Fr, trip.DepartAt)} :");
            text.Append(string.Join(" ;", trip.Stops.Select(s =>
                $" {Clock(Language.Fr, s.ArriveAt)} {s.Address} ({FirstName(s.HostName)} {s.HostPhone}), {s.People.ToString(CultureInfo.InvariantCulture)} pers.")));
        }

        if (sheetLink is not null)
        {
            text.Append($" Feuille de route à jour : {sheetLink}");
        }

        text.Append(" Merci !");
        return text.ToString();
    }

    /// <summary>A driver told of trips the plan no longer has, and who has none left tonight.</summary>
    public static string DriverNoTrips(string driverFirstName, string vehicleLabel) =>
        $"Bonsoir{Prefix(FirstName(driverFirstName))}, changement : plus de trajet pour vous ce soir avec {vehicleLabel}. Merci de votre disponibilité !";

    /// <summary>An escort told of a household they no longer take (it cancelled, or goes another way now).</summary>
    public static string EscortReleased(string escortFirstName, string alias) =>
        $"Bonsoir{Prefix(FirstName(escortFirstName))}, changement : vous n'accompagnez plus {alias} ce soir. Merci !";

    /// <summary>An escort's evening: who they take (the household's alias and size), when they leave the base, where to and when they arrive.</summary>
    public static string EscortJourney(string escortFirstName, string alias, int people, LocalTime leaveBase, LocalTime arrive, string hostName, string address) =>
        $"Bonsoir{Prefix(FirstName(escortFirstName))}, ce soir vous accompagnez {alias} ({people.ToString(CultureInfo.InvariantCulture)} pers.) " +
        $"en transports : départ de la base {Clock(Language.Fr, leaveBase)}, arrivée vers {Clock(Language.Fr, arrive)} chez {FirstName(hostName)}, {address}. Merci !";

    // ----- Stays of a week or more (stays.md; docs/stays.md, "The conversation with hosts") -----

    /// <summary>
    /// A stay proposed to its host: "Bonjour Claire, pouvez-vous accueillir 1 jeune (16 ans) du lundi 3 au lundi 31 mars ?
    /// Répondez OUI ou NON." The dates are the first night and the morning of leaving. One SMS: the ages go first when it would not fit.
    /// </summary>
    public static string StayProposal(Language language, string hostName, IReadOnlyCollection<Member> members, LocalDate from, LocalDate until)
    {
        var name = FirstName(hostName);
        string Text(bool withAges) => language switch
        {
            Language.En => $"Hello{Prefix(name)}, can you host {People.Describe(language, members, withAges)} {Span(language, from, until)}? Reply YES or NO.",
            _ => $"Bonjour{Prefix(name)}, pouvez-vous accueillir {People.Describe(language, members, withAges)} {Span(language, from, until)} ? Répondez OUI ou NON.",
        };
        var withAges = Text(true);
        return SmsSegments.Measure(withAges).IsSingleSegment ? withAges : Text(false);
    }

    /// <summary>The host said yes to a stay.</summary>
    public static string StayThanks(Language language, string hostName, LocalDate from) => language switch
    {
        Language.En => $"Thank you{Greeting(hostName)}! The stay is confirmed, arrival on {Day(language, from, withMonth: true)}. We will text you before. If you can no longer, reply ANNULE.",
        _ => $"Merci{Greeting(hostName)} ! Le séjour est confirmé, arrivée le {Day(language, from, withMonth: true)}. Nous vous écrirons avant. Si vous ne pouvez plus, répondez ANNULE.",
    };

    /// <summary>A reply to a stay proposal that is no longer open (it expired, or a new plan replaced it).</summary>
    public static string StayNoLongerOpen(Language language) => language switch
    {
        Language.En => "Thank you for your answer! This stay proposal is no longer open; we will get back to you.",
        _ => "Merci de votre réponse ! Cette proposition de séjour n'est plus d'actualité, nous reviendrons vers vous.",
    };

    /// <summary>The host cancelled a confirmed stay that has not begun.</summary>
    public static string StayCancelAck(Language language) => language switch
    {
        Language.En => "Noted, the stay is cancelled and the team is told. Thank you for letting us know.",
        _ => "C'est noté, le séjour est annulé et l'équipe est prévenue. Merci de nous avoir prévenus.",
    };

    /// <summary>Two days before: "Bonjour Claire, rappel : 1 jeune (16 ans) arrive chez vous le lundi 3 mars, jusqu'au lundi 31 mars. Merci !"</summary>
    public static string StayReminder(Language language, string hostName, IReadOnlyCollection<Member> members, LocalDate from, LocalDate until)
    {
        var name = FirstName(hostName);
        string Text(bool withAges) => language switch
        {
            Language.En => $"Hello{Prefix(name)}, a reminder: {People.Describe(language, members, withAges)} arrive at your home on {Day(language, from, withMonth: true)}, until {Day(language, until, withMonth: true)}. Thank you!",
            _ => $"Bonjour{Prefix(name)}, rappel : {People.Describe(language, members, withAges)} arrive chez vous le {Day(language, from, withMonth: true)}, jusqu'au {Day(language, until, withMonth: true)}. Merci !",
        };
        var withAges = Text(true);
        return SmsSegments.Measure(withAges).IsSingleSegment ? withAges : Text(false);
    }

    /// <summary>The weekly check-in of a stay under way.</summary>
    public static string CheckIn(Language language, string hostName) => language switch
    {
        Language.En => $"Hello{Greeting(hostName)}, is everything going well with the person you host? Reply OK, or APPEL and their referent will call you.",
        _ => $"Bonjour{Greeting(hostName)}, tout se passe bien avec la personne que vous accueillez ? Répondez OK, ou APPEL et son référent vous appellera.",
    };

    /// <summary>The host answered OK to a check-in.</summary>
    public static string CheckInThanks(Language language) => language switch
    {
        Language.En => "Thank you, good to hear! Have a good week.",
        _ => "Merci, bonne nouvelle ! Bonne semaine.",
    };

    /// <summary>The host asked for a call.</summary>
    public static string CheckInCallAck(Language language) => language switch
    {
        Language.En => "Noted, the referent will call you soon. Thank you.",
        _ => "C'est noté, le référent va vous appeler rapidement. Merci.",
    };

    /// <summary>
    /// To a guest's referent (the network's own volunteer, in French), when a check-in needs them: the guest's alias, the
    /// host's first name and phone, and why.
    /// </summary>
    public static string ReferentAlert(string referentName, string guestAlias, string hostName, string hostPhone, CheckInAlertReason reason) =>
        $"Bonjour{Prefix(FirstName(referentName))}, séjour de {guestAlias} chez {FirstName(hostName)} ({hostPhone}) : " + reason switch
        {
            CheckInAlertReason.HostAsksForCall => "l'hôte demande un appel.",
            CheckInAlertReason.HostOptedOut => "l'hôte ne reçoit plus nos SMS (STOP).",
            _ => "pas de réponse au point de la semaine.",
        } + " Merci de l'appeler.";

    /// <summary>"du lundi 3 au lundi 31 mars", "du lundi 24 février au lundi 3 mars"; "from Monday 3 to Monday 31 March".</summary>
    private static string Span(Language language, LocalDate from, LocalDate until)
    {
        var sameMonth = from.Month == until.Month && from.Year == until.Year;
        return language == Language.En
            ? $"from {Day(language, from, withMonth: !sameMonth)} to {Day(language, until, withMonth: true)}"
            : $"du {Day(language, from, withMonth: !sameMonth)} au {Day(language, until, withMonth: true)}";
    }

    private static string Day(Language language, LocalDate date, bool withMonth)
    {
        var day = date.Day.ToString(CultureInfo.InvariantCulture);
        var weekday = (int)date.DayOfWeek - 1;
        return language == Language.En
            ? $"{EnglishDays[weekday]} {day}{(withMonth ? " " + EnglishMonths[date.Month - 1] : string.Empty)}"
            : $"{FrenchDays[weekday]} {day}{(withMonth ? " " + FrenchMonths[date.Month - 1] : string.Empty)}";
    }

    private static readonly string[] FrenchDays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

    private static readonly string[] EnglishDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static string OfferText(Language language, string name, string people, OfferArrival arrival) => language switch
    {
        Language.En => $"Good evening{Prefix(name)}, can you host tonight {people}? {How(language, arrival)} Reply YES or NO.",
        _ => $"Bonsoir{Prefix(name)}, pouvez-vous accueillir ce soir {people} ? {How(language, arrival)} Répondez OUI ou NON.",
    };

    private static string How(Language language, OfferArrival a) => (language, a.Way) switch
    {
        (Language.En, PlannedRideWay.HostFetches) => $"You fetch them at the base at {Clock(language, a.LeaveBaseAt ?? a.ArriveAt)}.",
        (_, PlannedRideWay.HostFetches) => $"Vous venez les chercher à la base à {Clock(language, a.LeaveBaseAt ?? a.ArriveAt)}.",
        (Language.En, PlannedRideWay.Vehicle) => $"Arriving around {Clock(language, a.ArriveAt)} by car.",
        (_, PlannedRideWay.Vehicle) => $"Arrivée vers {Clock(language, a.ArriveAt)} en voiture.",
        (Language.En, PlannedRideWay.PublicTransport) => $"Arriving around {Clock(language, a.ArriveAt)} by metro with a volunteer.",
        (_, PlannedRideWay.PublicTransport) => $"Arrivée vers {Clock(language, a.ArriveAt)} en métro avec un bénévole.",
        (Language.En, _) => $"Arriving around {Clock(language, a.ArriveAt)}.",
        _ => $"Arrivée vers {Clock(language, a.ArriveAt)}.",
    };

    private static string Greeting(string hostName) => Prefix(FirstName(hostName));

    private static string Prefix(string name) => name.Length == 0 ? string.Empty : " " + name;

    private static string Clock(Language language, LocalTime time) => language switch
    {
        Language.En => time.ToString("HH:mm", CultureInfo.InvariantCulture),
        _ => time.ToString("H'h'mm", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The first word of the host's name, written in GSM-7 (accents outside it dropped: "François" gives "Francois"),
    /// cut at <see cref="MaxFirstNameLength"/>; empty when nothing of it is GSM-7 (the greeting goes without a name).
    /// </summary>
    internal static string FirstName(string displayName)
    {
        var first = displayName.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        var gsm = new StringBuilder();
        foreach (var c in first)
        {
            if (SmsSegments.IsGsm7(c) && c is not ('^' or '{' or '}' or '\\' or '[' or ']' or '~' or '|' or '€' or '\n' or '\r' or '\f'))
            {
                gsm.Append(c);
                continue;
            }

            var stripped = c.ToString().Normalize(NormalizationForm.FormD)[0];
            if (char.IsAsciiLetter(stripped))
            {
                gsm.Append(stripped);
            }
        }

        var name = gsm.ToString();
        return name.Length <= MaxFirstNameLength ? name : name[..MaxFirstNameLength];
    }

    #region Stays: exits

    /// <summary>
    /// A guest's need ended before its agreed stay with this host began: "Bonjour Claire, le séjour prévu chez vous du 12/03
    /// au 09/04 est annulé, il n'est plus nécessaire. Personne ne viendra, inutile de répondre. Merci !" The guest is not named.
    /// </summary>
    public static string StayCalledOff(Language language, string hostName, LocalDate from, LocalDate until) => language switch
    {
        Language.En => $"Hello{Greeting(hostName)}, the stay planned at your home from {Day(language, from)} to {Day(language, until)} is cancelled, it is no longer needed. Nobody will come, no need to reply. Thank you!",
        _ => $"Bonjour{Greeting(hostName)}, le séjour prévu chez vous du {Day(language, from)} au {Day(language, until)} est annulé, il n'est plus nécessaire. Personne ne viendra, inutile de répondre. Merci !",
    };

    /// <summary>
    /// A guest's need ended during (or before the end of) its agreed stay with this host: "Bonjour Claire, le séjour chez
    /// vous finit avant la date prévue : départ le matin du 15/03 (au lieu du 20/03). Merci pour votre accueil !"
    /// </summary>
    public static string StayEndsEarly(Language language, string hostName, LocalDate leaving, LocalDate agreedUntil) => language switch
    {
        Language.En => $"Hello{Greeting(hostName)}, the stay at your home ends earlier than planned: leaving on the morning of {Day(language, leaving)} (instead of {Day(language, agreedUntil)}). Thank you for hosting!",
        _ => $"Bonjour{Greeting(hostName)}, le séjour chez vous finit avant la date prévue : départ le matin du {Day(language, leaving)} (au lieu du {Day(language, agreedUntil)}). Merci pour votre accueil !",
    };

    /// <summary>A day as a short date in GSM-7: "15/03" in French, "15 Mar" in English.</summary>
    private static string Day(Language language, LocalDate date) => language switch
    {
        Language.En => date.ToString("d MMM", CultureInfo.InvariantCulture),
        _ => date.ToString("dd/MM", CultureInfo.InvariantCulture),
    };

    #endregion

    #region Stays: journeys

    // The hosts' texts say "your guests" (vos invités), never who: the guest is described by nobody here. One segment each.

    /// <summary>The host a guest leaves: "Bonjour Claire, le départ de vos invités vers leur prochain accueil est prévu le vendredi 12 mars à 10h00. Merci pour votre accueil !"</summary>
    public static string JourneyDeparture(Language language, string hostName, LocalDate date, LocalTime departure) => language switch
    {
        Language.En => $"Hello{Greeting(hostName)}, your guests leave for their next home on {Day(language, date, withMonth: true)} at {Clock(language, departure)}. Thank you for hosting them!",
        _ => $"Bonjour{Greeting(hostName)}, le départ de vos invités vers leur prochain accueil est prévu le {Day(language, date, withMonth: true)} à {Clock(language, departure)}. Merci pour votre accueil !",
    };

    /// <summary>The receiving host: "Bonjour Claire, vos invités arrivent le vendredi 12 mars vers 11h40 avec un bénévole en voiture. Merci de les accueillir !"</summary>
    public static string JourneyArrival(Language language, string hostName, LocalDate date, LocalTime arrival, Domain.Stays.JourneyWay way) =>
        (language, way) switch
        {
            (Language.En, Domain.Stays.JourneyWay.VolunteerDriver) => $"Hello{Greeting(hostName)}, your guests arrive on {Day(language, date, withMonth: true)} around {Clock(language, arrival)}, driven by a volunteer. Thank you for hosting them!",
            (Language.En, Domain.Stays.JourneyWay.Train) => $"Hello{Greeting(hostName)}, your guests arrive on {Day(language, date, withMonth: true)} around {Clock(language, arrival)} by train. Thank you for hosting them!",
            (Language.En, _) => $"Hello{Greeting(hostName)}, your guests arrive on {Day(language, date, withMonth: true)} around {Clock(language, arrival)}. Thank you for hosting them!",
            (_, Domain.Stays.JourneyWay.VolunteerDriver) => $"Bonjour{Greeting(hostName)}, vos invités arrivent le {Day(language, date, withMonth: true)} vers {Clock(language, arrival)} avec un bénévole en voiture. Merci de les accueillir !",
            (_, Domain.Stays.JourneyWay.Train) => $"Bonjour{Greeting(hostName)}, vos invités arrivent le {Day(language, date, withMonth: true)} vers {Clock(language, arrival)} en train. Merci de les accueillir !",
            _ => $"Bonjour{Greeting(hostName)}, vos invités arrivent le {Day(language, date, withMonth: true)} vers {Clock(language, arrival)}. Merci de les accueillir !",
        };

    /// <summary>
    /// The volunteer driver (in French, as the van drivers: the network's own volunteers): the day and times, and the signed
    /// journey sheet with both addresses, the hosts' first names and phones. One segment without the link; the link makes two.
    /// </summary>
    public static string JourneyDriver(string driverFirstName, LocalDate date, LocalTime departure, LocalTime arrival, string? sheetLink) =>
        $"Bonjour{Prefix(FirstName(driverFirstName))}, merci de conduire le trajet du {Day(Language.Fr, date, withMonth: true)} entre 2 accueils : départ {Clock(Language.Fr, departure)}, " +
        $"arrivée vers {Clock(Language.Fr, arrival)}." + (sheetLink is null ? " Adresses : les coordinateurs." : $" Adresses et téléphones : {sheetLink}");

    /// <summary>The stay a driver's journey led to was called off: nobody to drive.</summary>
    public static string JourneyCalledOff(string driverFirstName, LocalDate date) =>
        $"Bonjour{Prefix(FirstName(driverFirstName))}, le trajet du {Day(Language.Fr, date, withMonth: true)} entre deux accueils est annulé : inutile de venir. Merci de votre aide !";

    // Journeys say their day as the proposals do ("vendredi 12 mars", "Friday 12 March"): "12/03" read as the 3rd of
    // December in English, and two styles for one stay confused.

    #endregion
}

/// <summary>
/// How the guests reach the host, as an offer says it: <paramref name="Way"/> null when no ride is planned (the host's
/// arrival window is given), <paramref name="LeaveBaseAt"/> the fetching host's time at the base. Times on the night's clock.
/// </summary>
public sealed record OfferArrival(PlannedRideWay? Way, LocalTime ArriveAt, LocalTime? LeaveBaseAt)
{
    /// <summary>The offer's arrival for a request: its planned ride, else the host's window.</summary>
    public static OfferArrival Of(PlannedRide? ride, LocalTime windowFrom) => ride is null
        ? new OfferArrival(null, windowFrom, null)
        : new OfferArrival(ride.Way, Domain.Night.Clock(ride.ArriveAt), ride.LeaveBaseAt is { } leave ? Domain.Night.Clock(leave) : null);
}

/// <summary>One trip of a driver's evening, for <see cref="SmsTemplates.DriverTrips"/>.</summary>
public sealed record DriverTrip(int Number, LocalTime DepartAt, IReadOnlyList<DriverStop> Stops);

/// <summary>One stop of a driver's trip.</summary>
public sealed record DriverStop(LocalTime ArriveAt, string Address, string HostName, string HostPhone, int People);

/// <summary>Why a check-in calls for the guest's referent.</summary>
public enum CheckInAlertReason
{
    HostAsksForCall,
    HostOptedOut,
    Unanswered,
}

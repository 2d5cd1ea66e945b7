using HostingMatch.Application.Geocoding;
using HostingMatch.Application.Pipeline;
using System.Globalization;
using System.Text;
using CsvHelper;
using FluentValidation;
using HostingMatch.Application.Validation;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Stays;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace HostingMatch.Application.Hosts;

/// <summary>
/// Imports the coordinators' host spreadsheet (CSV, UTF-8, <c>;</c> or <c>,</c>, French or English headers;
/// docs/hosts-csv.md). Every row is checked first; one bad row and nothing is imported, and the report says
/// which line, which column and what is wrong. Rows whose code already exists update that host. A row without coordinates
/// is located from its address (one batch to the geocoder); one the geocoder cannot place, or places only approximately, is a
/// problem on its line like any other, and a geocoder that does not answer imports nothing.
/// </summary>
public sealed record ImportHosts(string Csv) : ICommand<HostImportReport>, ITransactional, IAudited;

/// <summary>
/// What an import did, or why it did nothing: the first <see cref="HostSpreadsheet.ReportedErrors"/> problems in
/// <see cref="Errors"/>, how many were found in <see cref="ErrorCount"/>, and, when the file had so many that reading on
/// was pointless (<see cref="HostSpreadsheet.HopelessErrors"/>), the line where the check stopped; <see cref="Located"/> hosts
/// got their point from their address.
/// </summary>
public sealed record HostImportReport(int Created, int Updated, IReadOnlyList<HostImportError> Errors, int ErrorCount = 0, int? StoppedAtLine = null,
    int Located = 0)
{
    public bool Imported => Errors.Count == 0;
}

/// <summary>
/// One problem: the file's line (1 is the header), the column as written in the file, and what is wrong; for an address found
/// only approximately, the <see cref="Candidate"/> for the coordinator to confirm (by writing its coordinates in the row).
/// </summary>
public sealed record HostImportError(int Line, string? Column, string Problem, AddressCandidate? Candidate = null);

/// <summary>What the geocoder suggests for an address it is not sure of: its label, the point and its score (0 to 1).</summary>
public sealed record AddressCandidate(string Label, double Latitude, double Longitude, double Score);

public sealed class ImportHostsValidator : AbstractValidator<ImportHosts>
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public ImportHostsValidator() => RuleFor(c => c.Csv).NotEmpty().Must(c => Encoding.UTF8.GetByteCount(c) <= MaxBytes)
        .WithMessage("must be at most 2 MB");
}

public sealed class ImportHostsHandler(IHostingMatchDb db, IClock clock, IGeocoder geocoder, IOptions<GeocodingOptions> options)
    : ICommandHandler<ImportHosts, HostImportReport>
{
    public async ValueTask<HostImportReport> Handle(ImportHosts command, CancellationToken cancellationToken)
    {
        var sheet = HostSpreadsheet.Read(command.Csv);
        var (read, errors) = sheet;
        if (errors.Count > 0)
        {
            return new HostImportReport(0, 0, errors.Take(HostSpreadsheet.ReportedErrors).ToList(), errors.Count, sheet.StoppedAtLine);
        }

        var (rows, located, problems) = await LocateAsync(read, sheet.AddressColumn, cancellationToken);
        if (problems.Count > 0)
        {
            return new HostImportReport(0, 0, problems.Take(HostSpreadsheet.ReportedErrors).ToList(), problems.Count);
        }

        var codes = rows.Select(r => r.Input.Code!).ToList();
        var existing = await db.Hosts.Where(h => codes.Contains(h.Code)).ToDictionaryAsync(h => h.Code, cancellationToken);
        var now = clock.GetCurrentInstant();
        var created = 0;
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.Input.Code!, out var host))
            {
                row.Input.ApplyTo(host);
            }
            else
            {
                db.Hosts.Add(row.Input.ToNewHost(now));
                created++;
            }
        }

        // One SaveChanges: one transaction, so the import is all or nothing even if the database refuses a row.
        await db.SaveChangesAsync(cancellationToken);
        return new HostImportReport(created, rows.Count - created, [], Located: located);
    }

    /// <summary>
    /// The rows with a point each: given coordinates kept, the others located in one batch. Every row that cannot be placed
    /// (not found, found only approximately, or the geocoder out of reach) is a problem on its line.
    /// </summary>
    private async Task<(IReadOnlyList<HostSpreadsheet.Row> Rows, int Located, IReadOnlyList<HostImportError> Problems)> LocateAsync(
        IReadOnlyList<HostSpreadsheet.Row> rows, string addressColumn, CancellationToken cancellationToken)
    {
        var missing = rows.Where(r => r.Input.Latitude is null && r.Input.Longitude is null).ToList();
        if (missing.Count == 0)
        {
            return (rows, 0, []);
        }

        IReadOnlyList<AddressMatch?> matches;
        try
        {
            matches = await geocoder.LocateAllAsync(missing.Select(r => r.Input.Address!).ToList(), cancellationToken);
        }
        catch (GeocoderUnavailableException unavailable)
        {
            // Recovered into the report: the file is refused whole, naming every row that needed the geocoder.
            return (rows, 0, missing.Select(r => new HostImportError(r.Line, addressColumn,
                $"could not be located: the address service did not answer ({unavailable.Message}); nothing was imported. " +
                "Try again in a moment, or give this row's latitude and longitude")).ToList());
        }

        var minScore = options.Value.MinScore;
        var problems = new List<HostImportError>();
        var points = new Dictionary<int, AddressMatch>();
        foreach (var (row, match) in missing.Zip(matches))
        {
            switch (AddressConfidence.Judge(match, minScore))
            {
                case AddressVerdict.Located:
                    points[row.Line] = match!;
                    break;
                case AddressVerdict.ToConfirm:
                    problems.Add(new HostImportError(row.Line, addressColumn, AddressConfidence.Problem(row.Input.Address!, match, minScore),
                        new AddressCandidate(match!.Label, match.Point.Latitude, match.Point.Longitude, match.Score)));
                    break;
                default:
                    problems.Add(new HostImportError(row.Line, addressColumn, AddressConfidence.Problem(row.Input.Address!, match, minScore)));
                    break;
            }
        }

        var located = rows.Select(r => points.TryGetValue(r.Line, out var m)
            ? r with { Input = r.Input with { Latitude = m.Point.Latitude, Longitude = m.Point.Longitude } }
            : r).ToList();
        return (located, points.Count, problems);
    }
}

/// <summary>Reads the spreadsheet into validated host inputs, with every problem found, row by row.</summary>
public static class HostSpreadsheet
{
    public sealed record Row(int Line, HostInput Input);

    /// <summary>What was read: the rows, every problem found, and the line where reading stopped, if it stopped early.</summary>
    public sealed record Sheet(IReadOnlyList<Row> Rows, IReadOnlyList<HostImportError> Errors, int? StoppedAtLine, string AddressColumn = "address")
    {
        public void Deconstruct(out IReadOnlyList<Row> rows, out IReadOnlyList<HostImportError> errors) => (rows, errors) = (Rows, Errors);
    }

    /// <summary>A report lists this many problems at most (a million bad rows made an 858 MB answer).</summary>
    public const int ReportedErrors = 100;

    /// <summary>With this many problems the file is not a near miss: reading stops there.</summary>
    public const int HopelessErrors = 1000;

    /// <summary>Accepted headers (after lower-casing, removing accents and turning spaces and dashes into _).</summary>
    private static readonly Dictionary<string, string[]> Headers = new()
    {
        ["code"] = ["code", "id", "reference", "ref"],
        ["displayName"] = ["name", "display_name", "nom", "prenom", "prenom_nom", "nom_affiche"],
        ["phone"] = ["phone", "telephone", "tel", "portable", "mobile"],
        ["language"] = ["language", "langue"],
        ["latitude"] = ["latitude", "lat"],
        ["longitude"] = ["longitude", "lon", "lng"],
        ["address"] = ["address", "adresse"],
        ["beds"] = ["beds", "lits", "places", "couchages"],
        ["maxHouseholds"] = ["max_households", "foyers_max", "nb_foyers", "foyers"],
        ["accepts"] = ["accepts", "accepte", "publics", "public_accepte"],
        ["minorsCertified"] = ["minors_certified", "certifie_mineurs", "agrement_mineurs", "mineurs_certifie"],
        ["wheelchairAccessible"] = ["wheelchair_accessible", "wheelchair", "pmr", "acces_pmr", "fauteuil"],
        ["agreementSignedOn"] = ["agreement_signed_on", "convention_signee_le", "convention_signee", "signature"],
        ["agreementValidFrom"] = ["agreement_valid_from", "convention_debut", "debut_convention", "valide_du"],
        ["agreementValidUntil"] = ["agreement_valid_until", "convention_fin", "fin_convention", "valide_au"],
        ["weeklyDays"] = ["weekly_days", "days", "jours", "jours_disponibles"],
        ["arrivalFrom"] = ["arrival_from", "arrivee_de", "arrivee_debut", "arrivee_a_partir_de"],
        ["arrivalUntil"] = ["arrival_until", "arrivee_jusqu_a", "arrivee_fin", "arrivee_avant"],
        ["picksUpAtBase"] = ["picks_up_at_base", "fetches", "vient_chercher", "vient_a_la_base", "cherche_a_la_base"],
        ["notes"] = ["notes", "remarques", "commentaires"],
        ["programmes"] = ["programmes", "programme", "programs", "dispositifs", "dispositif"],
        ["region"] = ["region"],
        ["staysAvailable"] = ["stays_available", "stays", "sejours", "periodes_sejours", "sejours_disponibles", "disponibilites_sejours"],
        ["maxNightsPerGuest"] = ["max_nights_per_guest", "nuits_max", "nuits_max_par_accueilli", "nuits_max_par_personne", "duree_max"],
        ["maxNightsPerMonth"] = ["max_nights_per_month", "nuits_max_par_mois", "nuits_par_mois", "max_nuits_mois"],
        ["certifiedUntil"] = ["certified_until", "certifie_jusqu_au", "certification_jusqu_au", "fin_certification", "certificat_fin"],
    };

    // No latitude nor longitude: a spreadsheet without them has its addresses located.
    private static readonly string[] Required = ["code", "displayName", "phone", "address", "beds", "accepts",
        "agreementSignedOn", "agreementValidFrom", "agreementValidUntil"];

    private static readonly Dictionary<string, string> Categories = new()
    {
        ["minor"] = "minor", ["minors"] = "minor", ["mineur"] = "minor", ["mineurs"] = "minor",
        ["family"] = "family", ["families"] = "family", ["famille"] = "family", ["familles"] = "family",
        ["women"] = "women", ["woman"] = "women", ["femme"] = "women", ["femmes"] = "women",
        ["men"] = "men", ["man"] = "men", ["homme"] = "men", ["hommes"] = "men",
    };

    private static readonly Dictionary<string, string> Days = new()
    {
        ["lundi"] = "monday", ["mardi"] = "tuesday", ["mercredi"] = "wednesday", ["jeudi"] = "thursday",
        ["vendredi"] = "friday", ["samedi"] = "saturday", ["dimanche"] = "sunday",
        ["monday"] = "monday", ["tuesday"] = "tuesday", ["wednesday"] = "wednesday", ["thursday"] = "thursday",
        ["friday"] = "friday", ["saturday"] = "saturday", ["sunday"] = "sunday",
    };

    private static readonly Dictionary<string, HostProgrammes> Programmes = new()
    {
        ["nuit"] = HostProgrammes.OneNight, ["nuits"] = HostProgrammes.OneNight, ["une_nuit"] = HostProgrammes.OneNight,
        ["urgence"] = HostProgrammes.OneNight, ["night"] = HostProgrammes.OneNight, ["one_night"] = HostProgrammes.OneNight,
        ["sejour"] = HostProgrammes.Stays, ["sejours"] = HostProgrammes.Stays, ["stay"] = HostProgrammes.Stays, ["stays"] = HostProgrammes.Stays,
        ["both"] = HostProgrammes.OneNight | HostProgrammes.Stays, ["deux"] = HostProgrammes.OneNight | HostProgrammes.Stays,
    };

    private static readonly System.Text.RegularExpressions.Regex DateInText =
        new(@"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;
    private static readonly LocalDatePattern FrenchDate = LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu");
    private static readonly LocalTimePattern[] Times =
        [LocalTimePattern.CreateWithInvariantCulture("H:mm"), LocalTimePattern.CreateWithInvariantCulture("H'h'mm"), LocalTimePattern.CreateWithInvariantCulture("H'h'")];

    /// <summary>The rows and every problem found, and the line where reading stopped when the problems reached <see cref="HopelessErrors"/>.</summary>
    public static Sheet Read(string csv)
    {
        var errors = new List<HostImportError>();
        var rows = new List<Row>();
        var text = csv.TrimStart('\uFEFF');
        var options = CsvReaderOptions.Default with
        {
            // Spreadsheets saved in France use ';', elsewhere ','.
            Separator = SeparatorOf(text),
            HasHeader = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var reader = CsvReader.FromText(text, options);
        reader.ReadHeader();
        var header = reader.Headers?.ToArray() ?? [];
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            return new Sheet([], [new HostImportError(1, null, "The file is empty: the first line must be the column headers.")], null);
        }

        var columns = MapHeaders(header, errors);
        if (errors.Count > 0)
        {
            return new Sheet([], errors, null);
        }

        var validator = new HostInputValidator();
        var lineCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            var rowErrors = new List<HostImportError>();
            string? Cell(string field)
            {
                var value = columns.TryGetValue(field, out var i) && i < reader.FieldCount ? NullIfEmpty(reader.GetString(i)) : null;
                if (TextHygiene.Problem(value) is { } problem)
                {
                    Fail(field, problem);
                    return null;
                }

                return value is null ? null : TextHygiene.Clean(value);
            }

            string ColumnName(string field) => columns.TryGetValue(field, out var i) ? header[i] : field;
            void Fail(string field, string problem) => rowErrors.Add(new HostImportError(line, ColumnName(field), problem));

            var input = new HostInput
            {
                Code = Cell("code"),
                DisplayName = Cell("displayName"),
                Phone = Cell("phone") is { } p ? Domain.Common.PhoneNumber.Normalize(p) ?? p : null,
                Language = Cell("language")?.ToLowerInvariant() switch
                {
                    null => null,
                    "fr" or "francais" or "français" or "french" => "fr",
                    "en" or "anglais" or "english" => "en",
                    var other => other,
                },
                Latitude = Number(Cell("latitude"), "latitude", Fail),
                Longitude = Number(Cell("longitude"), "longitude", Fail),
                Address = Cell("address"),
                Beds = Integer(Cell("beds"), "beds", Fail),
                MaxHouseholds = Integer(Cell("maxHouseholds"), "maxHouseholds", Fail),
                Accepts = Words(Cell("accepts")).Select(w => Categories.GetValueOrDefault(w, w)).ToList(),
                MinorsCertified = YesNo(Cell("minorsCertified"), "minorsCertified", Fail),
                WheelchairAccessible = YesNo(Cell("wheelchairAccessible"), "wheelchairAccessible", Fail),
                Agreement = new AgreementInput(Date(Cell("agreementSignedOn"), "agreementSignedOn", Fail),
                    Date(Cell("agreementValidFrom"), "agreementValidFrom", Fail), Date(Cell("agreementValidUntil"), "agreementValidUntil", Fail)),
                WeeklyDays = Words(Cell("weeklyDays")).Select(w => Days.GetValueOrDefault(w, w)).ToList(),
                ArrivalFrom = Time(Cell("arrivalFrom"), "arrivalFrom", Fail),
                ArrivalUntil = Time(Cell("arrivalUntil"), "arrivalUntil", Fail),
                PicksUpAtBase = YesNo(Cell("picksUpAtBase"), "picksUpAtBase", Fail),
                Notes = Cell("notes"),
                Programmes = ProgrammesOf(Cell("programmes"), Fail),
                Region = Cell("region"),
                StaysAvailable = Periods(Cell("staysAvailable"), Fail),
                MaxNightsPerGuest = Integer(Cell("maxNightsPerGuest"), "maxNightsPerGuest", Fail),
                MaxNightsPerMonth = Integer(Cell("maxNightsPerMonth"), "maxNightsPerMonth", Fail),
                CertifiedUntil = Date(Cell("certifiedUntil"), "certifiedUntil", Fail),
            };

            // Cells that could not be read are already reported; the validator reports the rest.
            var unreadable = rowErrors.Select(e => e.Column).ToHashSet();
            foreach (var failure in validator.Validate(input).Errors)
            {
                var field = FieldOf(failure.PropertyName);
                if (!unreadable.Contains(ColumnName(field)))
                {
                    Fail(field, failure.ErrorMessage);
                }
            }

            if (input.Code is { } code && !lineCodes.TryAdd(code, line))
            {
                Fail("code", $"the code {TextHygiene.Quote(code)} is already used on line {lineCodes[code]}");
            }

            errors.AddRange(rowErrors.DistinctBy(e => (e.Column, e.Problem)));
            rows.Add(new Row(line, input));
            if (errors.Count >= HopelessErrors)
            {
                return new Sheet(rows, errors, line);
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new HostImportError(2, null, "The file has headers but no host."));
        }

        return new Sheet(rows, errors, null, header[columns["address"]]);
    }

    /// <summary>The separator the header line uses most: ';', ',' or a tab.</summary>
    private static char SeparatorOf(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var first = end < 0 ? text : text[..end];
        return new[] { ';', ',', '\t' }.OrderByDescending(c => first.Count(x => x == c)).First();
    }

    private static Dictionary<string, int> MapHeaders(string[] header, List<HostImportError> errors)
    {
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < header.Length; i++)
        {
            var normalized = Normalize(header[i]);
            var field = Headers.FirstOrDefault(h => h.Value.Contains(normalized)).Key;
            if (field is null)
            {
                continue; // Unknown columns (the coordinators' own notes) are ignored.
            }

            if (!columns.TryAdd(field, i))
            {
                errors.Add(new HostImportError(1, header[i], $"this column says the same as {TextHygiene.Quote(header[columns[field]])}"));
            }
        }

        foreach (var missing in Required.Where(r => !columns.ContainsKey(r)))
        {
            errors.Add(new HostImportError(1, Headers[missing][0], $"the column is missing (accepted headers: {string.Join(", ", Headers[missing])})"));
        }

        return columns;
    }

    private static string FieldOf(string propertyName) => propertyName switch
    {
        var p when p.StartsWith("Agreement.", StringComparison.Ordinal) => "agreement" + p["Agreement.".Length..],
        var p when p.StartsWith("Accepts", StringComparison.Ordinal) => "accepts",
        var p when p.StartsWith("WeeklyDays", StringComparison.Ordinal) => "weeklyDays",
        var p when p.StartsWith("Programmes", StringComparison.Ordinal) => "programmes",
        var p when p.StartsWith("StaysAvailable", StringComparison.Ordinal) => "staysAvailable",
        "Agreement" => "agreementValidFrom",
        var p => char.ToLowerInvariant(p[0]) + p[1..],
    };

    private static string Normalize(string header)
    {
        var decomposed = header.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c is ' ' or '-' or '\'' or '’' ? '_' : c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IEnumerable<string> Words(string? cell) =>
        (cell ?? string.Empty).Split([',', ';', '|', '/', ' ', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(w => Normalize(w)).Where(w => w is not ("et" or "and"));

    private static double? Number(string? cell, string field, Action<string, string> fail)
    {
        if (cell is null)
        {
            return null;
        }

        if (double.TryParse(cell.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        fail(field, $"{TextHygiene.Quote(cell)} is not a number");
        return null;
    }

    private static int? Integer(string? cell, string field, Action<string, string> fail)
    {
        if (cell is null)
        {
            return null;
        }

        if (int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        fail(field, $"{TextHygiene.Quote(cell)} is not a whole number");
        return null;
    }

    private static bool YesNo(string? cell, string field, Action<string, string> fail)
    {
        switch (cell is null ? null : Normalize(cell))
        {
            case null or "non" or "no" or "n" or "false" or "faux" or "0":
                return false;
            case "oui" or "yes" or "o" or "y" or "true" or "vrai" or "1" or "x":
                return true;
            default:
                fail(field, $"{TextHygiene.Quote(cell!)} is neither oui nor non");
                return false;
        }
    }

    private static LocalDate? Date(string? cell, string field, Action<string, string> fail)
    {
        if (cell is null)
        {
            return null;
        }

        var parsed = IsoDate.Parse(cell);
        if (!parsed.Success)
        {
            parsed = FrenchDate.Parse(cell);
        }

        if (parsed.Success)
        {
            return parsed.Value;
        }

        fail(field, $"{TextHygiene.Quote(cell)} is not a date (write 2026-11-26 or 26/11/2026)");
        return null;
    }

    /// <summary>
    /// <c>nuit</c>, <c>séjours</c>, <c>nuit séjours</c>, <c>les deux</c> (or English); empty: the one-night programme, as before the column existed.
    /// </summary>
    private static IReadOnlyList<string>? ProgrammesOf(string? cell, Action<string, string> fail)
    {
        if (cell is null)
        {
            return null;
        }

        var programmes = HostProgrammes.None;
        foreach (var word in Words(cell).Where(w => w is not ("une" or "les" or "la")))
        {
            if (Programmes.TryGetValue(word, out var programme))
            {
                programmes |= programme;
            }
            else
            {
                fail("programmes", $"{TextHygiene.Quote(word)} is not a programme (write nuit, séjours or both: nuit séjours)");
                return null;
            }
        }

        return programmes.ToWire();
    }

    /// <summary>
    /// Stays periods as a coordinator writes them: <c>01/03/2027-31/03/2027; 10/04/2027-30/04/2027</c>, each the first and
    /// the LAST night, both included ("1 to 31 March"); read as <c>[first, last + 1)</c>, the spec's periods. Periods are
    /// separated by <c>;</c>, <c>,</c>, <c>|</c>, <c>et</c> or a new line.
    /// </summary>
    private static IReadOnlyList<PeriodInput>? Periods(string? cell, Action<string, string> fail)
    {
        if (cell is null)
        {
            return null;
        }

        var periods = new List<PeriodInput>();
        var chunks = System.Text.RegularExpressions.Regex.Split(cell, @"[;,|\n]| et | and ");
        foreach (var chunk in chunks.Select(c => c.Trim()).Where(c => c.Length > 0))
        {
            var dates = DateInText.Matches(chunk).Select(m => Date(m.Value, "staysAvailable", fail)).ToList();
            if (dates.Count != 2)
            {
                fail("staysAvailable", $"{TextHygiene.Quote(chunk)} is not a period: write its first and last nights, e.g. 01/03/2027-31/03/2027");
                continue;
            }

            if (dates[0] is not { } first || dates[1] is not { } last)
            {
                continue;
            }

            if (last < first)
            {
                fail("staysAvailable", $"{TextHygiene.Quote(chunk)}: the last night ({last:dd/MM/yyyy}) is before the first ({first:dd/MM/yyyy})");
                continue;
            }

            periods.Add(new PeriodInput(first, last.PlusDays(1)));
        }

        return periods;
    }

    private static LocalTime? Time(string? cell, string field, Action<string, string> fail)
    {
        if (cell is null)
        {
            return null;
        }

        foreach (var pattern in Times)
        {
            var parsed = pattern.Parse(cell.ToLowerInvariant());
            if (parsed.Success)
            {
                return parsed.Value;
            }
        }

        fail(field, $"{TextHygiene.Quote(cell)} is not a time (write 21:30 or 21h30)");
        return null;
    }
}

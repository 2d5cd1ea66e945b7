using FluentValidation;
using HostingMatch.Application.Validation;
using HostingMatch.Domain;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Transport;
using NodaTime;
using System.Text.Json.Serialization;

namespace HostingMatch.Application.Transport;

/// <summary>A vehicle as a coordinator types it: <c>van</c> or <c>car</c>, times <c>HH:mm</c> on the night's clock.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record VehicleInput(
    string? Kind,
    string? Label,
    string? DriverFirstName,
    string? DriverPhone,
    int? Seats,
    LocalTime? AvailableFrom,
    LocalTime? AvailableUntil);

/// <summary>The shape of a vehicle: required fields, 1-8 seats, E.164, a shift that ends after it starts. No database look-ups.</summary>
public sealed class VehicleInputValidator : AbstractValidator<VehicleInput>
{
    public VehicleInputValidator()
    {
        RuleFor(v => v.Kind).NotEmpty().Must(k => VehicleKindNames.TryParse(k, out _)).WithMessage("must be van or car");
        RuleFor(v => v.Label).NotEmpty().MaximumLength(NightVehicle.MaxLabelLength).OneLine();
        RuleFor(v => v.DriverFirstName).NotEmpty().MaximumLength(NightVehicle.MaxNameLength).OneLine();
        RuleFor(v => v.DriverPhone).NotEmpty().Must(PhoneNumber.IsE164).WithMessage("must be a phone number in E.164 form, e.g. +33612345678");
        RuleFor(v => v.Seats).NotNull().InclusiveBetween(1, NightVehicle.MaxSeats);
        RuleFor(v => v.AvailableFrom).NotNull();
        RuleFor(v => v.AvailableUntil).NotNull()
            .Must((v, until) => Night.EveningMinute(until!.Value) > Night.EveningMinute(v.AvailableFrom!.Value))
            .When(v => v is { AvailableFrom: not null, AvailableUntil: not null })
            .WithMessage("must be after availableFrom on the night's clock (00:30 is after 23:00)");
    }
}

internal static class VehicleInputMapping
{
    public static VehicleKind ToKind(this VehicleInput v) => VehicleKindNames.TryParse(v.Kind, out var kind) ? kind : VehicleKind.Car;
}

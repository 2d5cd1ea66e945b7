using FluentValidation;
using FluentValidation.Results;

namespace HostingMatch.Application.Validation;

/// <summary>
/// A request body that a command carries whole (<c>RegisterVehicle.Vehicle</c>): its failures are named as the client wrote
/// its fields (<c>label</c>, <c>seats</c>), as the JSON reader names them, not after the command's property
/// (<c>vehicle.label</c>), which the client never sent.
/// </summary>
public static class BodyRules
{
    public static IRuleBuilderOptionsConditions<T, TBody?> IsValidBody<T, TBody>(this IRuleBuilder<T, TBody?> rule, IValidator<TBody> validator)
        where TBody : class =>
        rule.Custom((body, context) =>
        {
            if (body is null)
            {
                context.AddFailure(new ValidationFailure("$", "is required"));
                return;
            }

            foreach (var failure in validator.Validate(body).Errors)
            {
                context.AddFailure(failure);
            }
        });
}

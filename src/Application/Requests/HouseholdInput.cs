using System.Text.Json.Serialization;
using FluentValidation;
using HostingMatch.Domain.Households;

namespace HostingMatch.Application.Requests;

/// <summary>
/// A member as typed in: age in whole years, sex <c>female</c>, <c>male</c> or <c>other</c>. No names. Unknown fields
/// (a nationality, say) are refused, not silently dropped, so a sender learns that we do not keep them.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MemberInput(int? Age, string? Sex);

public sealed class MemberInputValidator : AbstractValidator<MemberInput>
{
    public MemberInputValidator()
    {
        RuleFor(m => m.Age).NotNull().InclusiveBetween(0, Member.MaxAge);
        RuleFor(m => m.Sex).NotEmpty().Must(s => s is "female" or "male" or "other").WithMessage("must be female, male or other");
    }

    public static Member ToMember(MemberInput m) => new(m.Age!.Value, m.Sex switch
    {
        "female" => Sex.Female,
        "male" => Sex.Male,
        _ => Sex.Other,
    });
}

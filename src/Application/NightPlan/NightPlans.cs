using HostingMatch.Application.NightPlan.Engine;
using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Application.NightPlan;

/// <summary>The night plan engine called on the database's night: what it refuses is the night's data, for a coordinator.</summary>
public static class NightPlans
{
    /// <exception cref="DomainException"><c>agreed-placements-conflict</c> when the placements already agreed or the trips that have left do not hold together.</exception>
    public static Engine.NightPlan PlanOrRefuse(NightPlanFile file, NightPlanOptions options, LocalDate night)
    {
        try
        {
            return NightPlanner.Plan(file, options);
        }
        catch (ArgumentException e)
        {
            // More than a host's beds or households agreed, a trip that left with a household since withdrawn: the night's
            // data needs a coordinator, not a plan.
            throw new DomainException("agreed-placements-conflict",
                $"The placements already agreed for the night of {night:yyyy-MM-dd} do not hold together, so no night plan " +
                $"can keep them: check the hosts with more households or people than they take, and the trips that have left. ({e.Message})");
        }
    }
}

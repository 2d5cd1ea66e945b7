using FluentValidation;
using HostingMatch.Application.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace HostingMatch.Application;

public static class DependencyInjection
{
    /// <summary>Registers the use cases (through the mediator) and their validators.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // The pipeline, in order: validation first, so no handler ever sees a malformed message.
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }
}

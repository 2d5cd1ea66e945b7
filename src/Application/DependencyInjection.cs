using FluentValidation;
using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HostingMatch.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the use cases (through the mediator), their pipeline and their validators. The Api replaces
    /// <see cref="IAuditTrail"/> with its own; Infrastructure provides <see cref="IUnitOfWork"/>.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // The pipeline, outermost first; every caller (the Api, the command line, the workers) runs a use case through
            // it the same way (docs/adr/0004-pipeline-behaviours.md):
            // 1. validation: a malformed message reaches no handler and opens no transaction;
            // 2. retry on a conflict (IRetriedOnConflict): each attempt runs the whole transaction again from a clean slate;
            // 3. the transaction (ITransactional): the use case's changes, its locks and its audit entry commit together;
            // 4. the audit entry (IAudited): written after the handler succeeded, inside that transaction.
            options.PipelineBehaviors =
            [
                typeof(ValidationBehavior<,>),
                typeof(ConflictRetryBehavior<,>),
                typeof(TransactionBehavior<,>),
                typeof(AuditBehavior<,>),
            ];
        });
        services.TryAddScoped<IAuditTrail, NoAuditTrail>();
        services.AddScoped<Hosts.HostLocation>();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }
}

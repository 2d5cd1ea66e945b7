using HostingMatch.Application;
using HostingMatch.Application.Offers;
using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Validation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace HostingMatch.UnitTests.Pipeline;

public sealed class PipelineBehaviourTests
{
    private sealed record Retried : ICommand<int>, IRetriedOnConflict, ITransactional;

    private sealed record Plain : ICommand<int>;

    private sealed record Read : IQuery<int>;

    private sealed class ConflictException : Exception;

    /// <summary>A unit of work in memory: it logs what the behaviours ask of it, and calls <see cref="ConflictException"/> a conflict.</summary>
    private sealed class LoggingUnitOfWork : IUnitOfWork
    {
        public List<string> Log { get; } = [];
        public bool Open { get; set; }

        public Task<IUnitOfWorkTransaction?> BeginAsync(CancellationToken cancellationToken)
        {
            if (Open)
            {
                Log.Add("join");
                return Task.FromResult<IUnitOfWorkTransaction?>(null);
            }

            Open = true;
            Log.Add("begin");
            return Task.FromResult<IUnitOfWorkTransaction?>(new Transaction(this));
        }

        public Task<IAsyncDisposable> KeepConnectionAsync(CancellationToken cancellationToken)
        {
            Log.Add("keep");
            return Task.FromResult<IAsyncDisposable>(new KeptConnection(this));
        }

        public bool IsConflict(Exception exception) => exception is ConflictException;

        private sealed class KeptConnection(LoggingUnitOfWork owner) : IAsyncDisposable
        {
            public ValueTask DisposeAsync()
            {
                owner.Log.Add("release");
                return ValueTask.CompletedTask;
            }
        }

        public void Reset() => Log.Add("reset");

        private sealed class Transaction(LoggingUnitOfWork owner) : IUnitOfWorkTransaction
        {
            private bool committed;

            public Task CommitAsync(CancellationToken cancellationToken)
            {
                committed = true;
                owner.Log.Add("commit");
                return Task.CompletedTask;
            }

            public ValueTask DisposeAsync()
            {
                if (!committed)
                {
                    owner.Log.Add("rollback");
                }

                owner.Open = false;
                return ValueTask.CompletedTask;
            }
        }
    }

    private static async Task<int> RunAsync<TMessage>(LoggingUnitOfWork unitOfWork, TMessage message, Func<int, int> handler)
        where TMessage : IMessage
    {
        var attempt = 0;
        var transaction = new TransactionBehavior<TMessage, int>(unitOfWork);
        var retry = new ConflictRetryBehavior<TMessage, int>(unitOfWork);
        return await retry.Handle(message, (m, ct) => transaction.Handle(m, (_, _) =>
        {
            unitOfWork.Log.Add("handle");
            return ValueTask.FromResult(handler(++attempt));
        }, ct), CancellationToken.None);
    }

    [Fact]
    public async Task AUseCaseThatRacedTwice_RunsAThirdTimeEachInItsOwnTransaction()
    {
        var unitOfWork = new LoggingUnitOfWork();

        var result = await RunAsync(unitOfWork, new Retried(), attempt => attempt < 3 ? throw new ConflictException() : attempt);

        Assert.Equal(3, result);
        Assert.Equal(["begin", "handle", "rollback", "reset", "begin", "handle", "rollback", "reset", "begin", "handle", "commit"], unitOfWork.Log);
    }

    [Fact]
    public async Task AUseCaseThatKeepsRacing_GivesUpAfterThreeAttempts()
    {
        var unitOfWork = new LoggingUnitOfWork();

        await Assert.ThrowsAsync<ConflictException>(() => RunAsync(unitOfWork, new Retried(), _ => throw new ConflictException()));

        Assert.Equal(ConflictRetryBehavior<Retried, int>.MaxAttempts, unitOfWork.Log.Count(e => e == "handle"));
        Assert.DoesNotContain("commit", unitOfWork.Log);
    }

    [Fact]
    public async Task AnErrorThatIsNoConflict_IsNotRetriedAndCommitsNothing()
    {
        var unitOfWork = new LoggingUnitOfWork();

        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(unitOfWork, new Retried(), _ => throw new InvalidOperationException()));

        Assert.Equal(["begin", "handle", "rollback"], unitOfWork.Log);
    }

    [Fact]
    public async Task AnUnmarkedUseCase_GetsNeitherATransactionNorARetry()
    {
        var unitOfWork = new LoggingUnitOfWork();

        await Assert.ThrowsAsync<ConflictException>(() => RunAsync(unitOfWork, new Plain(), _ => throw new ConflictException()));

        Assert.Equal(["handle"], unitOfWork.Log);
    }

    [Fact]
    public async Task AQuery_KeepsOneConnectionAroundItsWholeRun_EvenWhenItFails()
    {
        var unitOfWork = new LoggingUnitOfWork();

        Assert.Equal(1, await RunAsync(unitOfWork, new Read(), attempt => attempt));
        Assert.Equal(["keep", "handle", "release"], unitOfWork.Log);

        unitOfWork.Log.Clear();
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(unitOfWork, new Read(), _ => throw new InvalidOperationException()));
        Assert.Equal(["keep", "handle", "release"], unitOfWork.Log);
    }

    [Fact]
    public async Task AUseCaseSentInsideAnOpenTransaction_JoinsItAndLeavesTheCommitToItsOwner()
    {
        var unitOfWork = new LoggingUnitOfWork { Open = true };

        Assert.Equal(1, await RunAsync(unitOfWork, new Retried(), attempt => attempt));

        Assert.Equal(["join", "handle"], unitOfWork.Log);
    }

    [Fact]
    public void ThePipelineRunsValidationThenRetryThenTransactionThenAudit()
    {
        var services = new ServiceCollection().AddApplication();

        var order = services
            .Where(d => d.ServiceType == typeof(IPipelineBehavior<,>) || d.ServiceType == typeof(IPipelineBehavior<SettleOffers, SettleOffersResult>))
            .Select(d => d.ImplementationType is { IsGenericType: true } type ? type.GetGenericTypeDefinition() : d.ImplementationType)
            .ToList();

        Assert.Equal([typeof(ValidationBehavior<,>), typeof(ConflictRetryBehavior<,>), typeof(TransactionBehavior<,>), typeof(AuditBehavior<,>)], order);
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging.Abstractions;
using NewsCompare.Core.Data;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Tests.Reading;

public sealed class StoreGenerationTests
{
    [Fact]
    public async Task ARequestArrivingDuringAReadingWaitsForTheNextOneAndSeesTheChangeCommittedMeanwhile()
    {
        var counter = new HeldCounter();
        using var generation = new StoreGeneration(() => counter, new NoPages(), new HttpContextAccessor(), NullLogger<StoreGeneration>.Instance);
        (await generation.CurrentAsync(CancellationToken.None)).Should().Be(0);

        counter.Hold();
        var before = generation.CurrentAsync(CancellationToken.None).AsTask();
        await counter.Started.WaitAsync(TimeSpan.FromSeconds(10));
        counter.Value = 2; // a commit elsewhere, after that reading asked the store
        var after = generation.CurrentAsync(CancellationToken.None).AsTask();
        counter.Release();

        (await before).Should().Be(0, "that reading asked the store before the commit");
        (await after).Should().Be(1, "a request that came after the commit must see it");
        counter.Reads.Should().Be(3);
    }

    [Fact]
    public async Task RequestsArrivingDuringOneReadingShareTheNext()
    {
        var counter = new HeldCounter();
        using var generation = new StoreGeneration(() => counter, new NoPages(), new HttpContextAccessor(), NullLogger<StoreGeneration>.Instance);
        counter.Hold();
        var first = generation.CurrentAsync(CancellationToken.None).AsTask();
        await counter.Started.WaitAsync(TimeSpan.FromSeconds(10));
        var waiting = Enumerable.Range(0, 10).Select(_ => generation.CurrentAsync(CancellationToken.None).AsTask()).ToList();
        counter.Release();

        await first;
        await Task.WhenAll(waiting);
        counter.Reads.Should().Be(2, "the ten requests that came during the first reading share the second");
    }

    [Fact]
    public async Task AFailedReadingFailsItsRequestsAndTheNextRequestReadsAgain()
    {
        var counter = new HeldCounter { Failing = true };
        using var generation = new StoreGeneration(() => counter, new NoPages(), new HttpContextAccessor(), NullLogger<StoreGeneration>.Instance);
        await generation.Invoking(g => g.CurrentAsync(CancellationToken.None).AsTask()).Should().ThrowAsync<InvalidOperationException>();

        counter.Failing = false;
        (await generation.CurrentAsync(CancellationToken.None)).Should().Be(0);
    }

    /// <summary>A store's change counter that, once held, answers only when released, having read its value on being asked.</summary>
    private sealed class HeldCounter : StoreChangeCounter
    {
        private TaskCompletionSource _gate = Open();
        private TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Value { get; set; } = 1;
        public bool Failing { get; set; }
        public int Reads { get; private set; }
        public Task Started => _started.Task;

        public void Hold() => (_gate, _started) = (new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously));
        public void Release() => _gate.TrySetResult();

        public override long Read() => throw new NotSupportedException("the page cache reads asynchronously");

        public override async ValueTask<long> ReadAsync(CancellationToken cancellationToken)
        {
            Reads++;
            if (Failing) throw new InvalidOperationException("the store did not answer");
            var value = Value;
            _started.TrySetResult();
            await _gate.Task;
            return value;
        }

        private static TaskCompletionSource Open()
        {
            var open = new TaskCompletionSource();
            open.SetResult();
            return open;
        }
    }

    private sealed class NoPages : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);
        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}

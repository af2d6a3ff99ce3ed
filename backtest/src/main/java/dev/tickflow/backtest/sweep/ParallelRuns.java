package dev.tickflow.backtest.sweep;

import dev.tickflow.backtest.StrategyCandles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs parameter sets on a fixed pool of threads, each run independent (its own strategy state, executor and account)
 * over the same immutable candles. The results come back in the order of the sets, whatever finished first.
 */
public final class ParallelRuns implements AutoCloseable {
    private final ExecutorService pool;
    private final SweepStrategy strategy;
    private final SweepProgress progress;

    public ParallelRuns(int threads, SweepStrategy strategy, SweepProgress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be 1 or more, not " + threads);
        }
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "sweep");
            thread.setDaemon(true);
            return thread;
        });
        this.strategy = strategy;
        this.progress = progress;
    }

    public List<SweepRun> run(List<CheckedSets.Valid> sets, StrategyCandles shared) {
        List<Future<SweepRun>> futures = new ArrayList<>();
        for (CheckedSets.Valid set : sets) {
            futures.add(pool.submit(() -> {
                SweepRun run = new SweepRun(set.set(), strategy.run(set.settings(), shared));
                progress.runDone();
                return run;
            }));
        }
        List<SweepRun> runs = new ArrayList<>(futures.size());
        try {
            for (Future<SweepRun> future : futures) {
                runs.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The sweep was interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        return runs;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

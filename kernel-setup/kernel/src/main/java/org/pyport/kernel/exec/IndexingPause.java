package org.pyport.kernel.exec;

import jdk.jshell.SourceCodeAnalysis;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps JShell's class path indexer off the CPU while cells run. JShell indexes the JDK and every jar on the class
 * path (for completion of packages and not yet imported classes) on a background thread from the moment its source
 * analysis exists, and again after each class path change. On a two-core machine that thread, and the JIT compiling
 * it, compete with the first cells and the kernel's start. JShell pauses it during its own completion requests but
 * has no public API for it, so {@code suspendIndexing}/{@code resumeIndexing} of the analysis are called reflectively;
 * this needs {@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED} (the kernelspec passes it). Without that opening
 * this class does nothing and the index is built as JShell always builds it.
 *
 * <p>The indexer goes on only once the kernel has been idle for a moment ({@link #IDLE_MILLIS}): cells sent one after
 * the other (Run All) are not slowed by it, and someone reading between cells gives it all the time it needs.
 */
final class IndexingPause {

    /** How long the kernel must be idle before the indexer goes on. */
    static final long IDLE_MILLIS = 500;

    private final SourceCodeAnalysis analysis;
    private final Method suspend;
    private final Method resume;
    /** one daemon thread, made with the shell (not in a cell, which would count it as the cell's thread) */
    private final ScheduledExecutorService timer;
    private boolean paused;
    private ScheduledFuture<?> pendingResume;

    private IndexingPause(SourceCodeAnalysis analysis, Method suspend, Method resume) {
        this.analysis = analysis;
        this.suspend = suspend;
        this.resume = resume;
        this.timer = suspend == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, KernelThreads.INDEX_GATE);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param analysis the shell's source analysis (the object that owns the indexer)
     * @return a pause for its indexer; one that does nothing if the JDK does not let us reach it
     */
    static IndexingPause of(SourceCodeAnalysis analysis) {
        try {
            Method suspend = analysis.getClass().getMethod("suspendIndexing");
            Method resume = analysis.getClass().getMethod("resumeIndexing");
            suspend.setAccessible(true);
            resume.setAccessible(true);
            return new IndexingPause(analysis, suspend, resume);
        } catch (NoSuchMethodException | RuntimeException e) {
            // another JDK's JShell, or the package is not opened to us: index as JShell does
            return new IndexingPause(analysis, null, null);
        }
    }

    /** @return true if pausing works on this JDK (else {@link #pause} and {@link #resume} do nothing) */
    boolean works() {
        return suspend != null;
    }

    /** Stops the indexer at its next step, until {@link #resume} or {@link #resumeWhenIdle}. Idempotent. */
    synchronized void pause() {
        if (pendingResume != null) {
            pendingResume.cancel(false);
            pendingResume = null;
        }
        if (!paused && call(suspend)) {
            paused = true;
        }
    }

    /** Lets the indexer go on now. Idempotent. */
    synchronized void resume() {
        if (pendingResume != null) {
            pendingResume.cancel(false);
            pendingResume = null;
        }
        if (paused && call(resume)) {
            paused = false;
        }
    }

    /** Lets the indexer go on after {@link #IDLE_MILLIS}, unless {@link #pause} comes first. */
    synchronized void resumeWhenIdle() {
        if (paused && pendingResume == null && timer != null) {
            pendingResume = timer.schedule(this::resumeIfStillIdle, IDLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void resumeIfStillIdle() {
        if (pendingResume != null && !pendingResume.isCancelled()) {
            pendingResume = null;
            if (paused && call(resume)) {
                paused = false;
            }
        }
    }

    /** Lets the indexer finish (JShell's own thread) and stops the timer. */
    void close() {
        resume();
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private boolean call(Method method) {
        if (method == null) {
            return false;
        }
        try {
            method.invoke(analysis);
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false;
        }
    }
}

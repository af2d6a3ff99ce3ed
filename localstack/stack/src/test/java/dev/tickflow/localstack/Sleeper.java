package dev.tickflow.localstack;

/** A process for {@link RunDirectoryTest}: runs until it is stopped. */
public final class Sleeper {

    private Sleeper() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}

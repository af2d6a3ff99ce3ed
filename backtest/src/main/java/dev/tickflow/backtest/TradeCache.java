package dev.tickflow.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A directory of binary files of parsed trades, one per trade file read, so that a second run over the same file skips
 * parsing it ({@link CachedTrades}). An entry is keyed by the file's absolute path, size and modification time, its
 * symbol and the {@linkplain CachedTrades#FORMAT_VERSION format version}: a change of any of them misses the entry (and
 * the next run writes a new one). Entries are written to a temporary file and moved into place when complete, so a run
 * that stops half way leaves no entry that could be read.
 */
public final class TradeCache {
    /** No cache: every run parses the files. */
    public static final TradeCache NONE = new TradeCache(null);

    private final Path dir;
    private final AtomicLong filesFromCache = new AtomicLong();
    private final AtomicLong filesCached = new AtomicLong();

    private TradeCache(Path dir) {
        this.dir = dir;
    }

    /** A cache in {@code dir}, created when missing at the first entry written. */
    public static TradeCache in(Path dir) {
        return new TradeCache(dir.toAbsolutePath().normalize());
    }

    /**
     * The user's cache directory for Tickflow's trades: {@code $XDG_CACHE_HOME/tickflow/trades}, else
     * {@code ~/.cache/tickflow/trades}.
     */
    public static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("tickflow").resolve("trades");
    }

    boolean enabled() {
        return dir != null;
    }

    /** Files whose trades were read from the cache, without parsing, since this cache was made. */
    public long filesFromCache() {
        return filesFromCache.get();
    }

    /** Files whose trades were parsed and written to the cache since this cache was made. */
    public long filesCached() {
        return filesCached.get();
    }

    /** The entry of a trade file as it is now (path, size, modification time), whether or not it exists yet. */
    Entry entry(Path file, String symbol) throws IOException {
        Path source = file.toAbsolutePath().normalize();
        BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class);
        Key key = new Key(source.toString(), symbol, attributes.size(), attributes.lastModifiedTime().toMillis());
        return new Entry(dir.resolve(key.hash() + ".trades"), key);
    }

    void countHit() {
        filesFromCache.incrementAndGet();
    }

    void countWrite() {
        filesCached.incrementAndGet();
    }

    /** What an entry stands for; the entry's header repeats it, and a header that differs is a miss. */
    record Key(String source, String symbol, long size, long modifiedMillis) {
        String hash() {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                String text = CachedTrades.FORMAT_VERSION + "\n" + source + "\n" + symbol + "\n" + size + "\n" + modifiedMillis;
                return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java platform", e);
            }
        }
    }

    /** One file's place in the cache. */
    record Entry(Path path, Key key) {
        /** The entry's trades, if it exists and was written for this key and format. */
        Optional<CachedTrades> open() {
            return CachedTrades.open(path, key);
        }
    }
}
